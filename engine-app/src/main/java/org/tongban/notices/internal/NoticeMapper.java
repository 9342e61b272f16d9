package org.tongban.notices.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.tongban.notices.Notice;

@Mapper
public interface NoticeMapper {

    String COLUMNS = "id, kind, case_number, item_code, sender, sender_name, step_name, message, created_at, read_at";
    String MINE = "WHERE recipient = #{recipient}<if test='kind != null'> AND kind = #{kind}</if>"
            + "<if test='unread != null and unread'> AND read_at IS NULL</if>"
            + "<if test='unread != null and !unread'> AND read_at IS NOT NULL</if>";

    @Insert("INSERT INTO tb_notice (kind, case_id, case_number, item_code, recipient, sender, sender_name, step_name, message, created_at) "
            + "VALUES (#{kind}, #{caseId}, #{caseNumber}, #{itemCode}, #{recipient}, #{sender}, #{senderName}, #{stepName}, "
            + "#{message}, #{at})")
    void insert(String kind, long caseId, String caseNumber, String itemCode, String recipient, String sender,
                String senderName, String stepName, String message, Instant at);

    @Select("<script>SELECT " + COLUMNS + " FROM tb_notice " + MINE + " ORDER BY id DESC LIMIT #{limit} OFFSET #{offset}</script>")
    List<Notice> page(String recipient, String kind, Boolean unread, int offset, int limit);

    @Select("<script>SELECT COUNT(*) FROM tb_notice " + MINE + "</script>")
    long count(String recipient, String kind, Boolean unread);

    @Select("SELECT " + COLUMNS + " FROM tb_notice WHERE id = #{id}")
    Notice byId(long id);

    @Select("SELECT recipient FROM tb_notice WHERE id = #{id}")
    String recipientOf(long id);

    @Update("UPDATE tb_notice SET read_at = #{at} WHERE id = #{id} AND read_at IS NULL")
    void markRead(long id, Instant at);

    @Select("SELECT COUNT(*) FROM tb_notice WHERE case_id = #{caseId} AND kind = 'CC' AND recipient = #{username}")
    int countCopies(long caseId, String username);

    @Select("SELECT MAX(urged_at) FROM tb_urge WHERE case_id = #{caseId} AND urger = #{urger}")
    Instant lastUrge(long caseId, String urger);

    @Insert("INSERT INTO tb_urge (case_id, urger, hour_slot, urged_at) VALUES (#{caseId}, #{urger}, #{slot}, #{at})")
    void insertUrge(long caseId, String urger, long slot, Instant at);
}
