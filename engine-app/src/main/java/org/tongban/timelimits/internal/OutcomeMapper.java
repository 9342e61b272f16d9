package org.tongban.timelimits.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface OutcomeMapper {

    /** Fails on the primary key when the case's outcome is already there. */
    @Insert("INSERT INTO tb_case_outcome (case_id, item_code, concluded_at, used_working_days, on_time, fully_online) "
            + "VALUES (#{caseId}, #{itemCode}, #{concludedAt}, #{used}, #{onTime}, #{fullyOnline})")
    void insert(long caseId, String itemCode, Instant concludedAt, int used, boolean onTime, boolean fullyOnline);

    /** Accepted cases concluded in [from, to) that have no outcome yet (concluded before V21, or a listener failed). */
    @Select("SELECT c.id FROM tb_case c WHERE c.concluded_at >= #{from} AND c.concluded_at < #{to} "
            + "AND c.accepted_at IS NOT NULL AND c.status IN ('GRANTED', 'REFUSED') "
            + "AND NOT EXISTS (SELECT 1 FROM tb_case_outcome o WHERE o.case_id = c.id) ORDER BY c.id LIMIT #{limit}")
    List<Long> missing(Instant from, Instant to, int limit);
}
