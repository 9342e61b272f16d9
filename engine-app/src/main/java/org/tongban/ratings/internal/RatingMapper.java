package org.tongban.ratings.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface RatingMapper {

    class RatingRow {
        public Long id;
        public long caseId;
        public String caseNumber;
        public String itemCode;
        public String department;
        public String applicant;
        public int ratingLevel;
        public String reasons;
        public String commentText;
        public Instant ratedAt;
        public LocalDate followUpDue;
        public String response;
        public String respondedBy;
        public Instant respondedAt;
    }

    String COLUMNS = "r.id, r.case_id, c.case_number, r.item_code, r.department, r.applicant, r.rating_level, r.reasons, r.comment_text, "
            + "r.rated_at, r.follow_up_due, r.response, r.responded_by, r.responded_at";

    /** Once per case: a second rating meets the unique case_id (DuplicateKeyException). */
    @Insert("INSERT INTO tb_rating (case_id, item_code, department, applicant, rating_level, reasons, comment_text, rated_at, follow_up_due) "
            + "VALUES (#{caseId}, #{itemCode}, #{department}, #{applicant}, #{ratingLevel}, #{reasons}, #{commentText}, #{ratedAt}, #{followUpDue})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(RatingRow row);

    @Select("SELECT " + COLUMNS + " FROM tb_rating r JOIN tb_case c ON c.id = r.case_id WHERE r.case_id = #{caseId}")
    RatingRow byCase(long caseId);

    @Select("SELECT " + COLUMNS + " FROM tb_rating r JOIN tb_case c ON c.id = r.case_id WHERE r.id = #{id}")
    RatingRow byId(long id);

    /** Bad ratings of these departments, open ones first (by due date), then answered, newest first; at most 200. */
    @Select("<script>SELECT " + COLUMNS + " FROM tb_rating r JOIN tb_case c ON c.id = r.case_id WHERE r.rating_level &lt;= 2 "
            + "AND r.department IN <foreach item='d' collection='departments' open='(' separator=',' close=')'>#{d}</foreach> "
            + "<if test='open'>AND r.response IS NULL</if> "
            + "ORDER BY CASE WHEN r.response IS NULL THEN 0 ELSE 1 END, r.follow_up_due, r.id DESC LIMIT 200</script>")
    List<RatingRow> followUps(List<String> departments, boolean open);

    /** Answers a bad rating once: 0 rows when it was answered meanwhile. */
    @Update("UPDATE tb_rating SET response = #{response}, responded_by = #{by}, responded_at = #{at} WHERE id = #{id} AND response IS NULL")
    int respond(long id, String response, String by, Instant at);

    record Tally(String tallyKey, int level, long ratings, long answered) {
    }

    /** Ratings per item and level, with how many of them are answered. */
    @Select("SELECT item_code AS tally_key, rating_level, COUNT(*) AS ratings, COUNT(response) AS answered FROM tb_rating "
            + "GROUP BY item_code, rating_level")
    List<Tally> byItem();

    @Select("SELECT department AS tally_key, rating_level, COUNT(*) AS ratings, COUNT(response) AS answered FROM tb_rating "
            + "GROUP BY department, rating_level")
    List<Tally> byDepartment();
}
