package org.tongban.timelimits.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PauseMapper {

    class PauseRow {
        public Long id;
        public long caseId;
        public String kind;
        public String reason;
        public String legalBasis;
        public Instant startedAt;
        public String startedBy;
        public Instant endedAt;
        public String endedBy;
    }

    /** Opens a pause; a second open pause of the case meets the unique open_case_id (DuplicateKeyException). */
    @Insert("INSERT INTO tb_case_pause (case_id, kind, reason, legal_basis, started_at, started_by, open_case_id) "
            + "VALUES (#{caseId}, #{kind}, #{reason}, #{legalBasis}, #{startedAt}, #{startedBy}, #{caseId})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(PauseRow row);

    @Select("SELECT id, case_id, kind, reason, legal_basis, started_at, started_by, ended_at, ended_by FROM tb_case_pause "
            + "WHERE case_id = #{caseId} ORDER BY started_at, id")
    List<PauseRow> byCase(long caseId);

    /** Ends an open pause once: 0 rows when it was ended meanwhile or is another case's. */
    @Update("UPDATE tb_case_pause SET ended_at = #{at}, ended_by = #{by}, open_case_id = NULL WHERE id = #{id} AND case_id = #{caseId} AND ended_at IS NULL")
    int end(long caseId, long id, Instant at, String by);
}
