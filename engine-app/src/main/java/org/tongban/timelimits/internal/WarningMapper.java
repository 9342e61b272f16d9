package org.tongban.timelimits.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface WarningMapper {

    /** Fails on the unique key (case, scope, card) when the card was already raised. */
    @Insert("INSERT INTO tb_deadline_warning (case_id, scope_key, step_key, step_name, card, deadline, raised_at) "
            + "VALUES (#{caseId}, #{scope}, #{stepKey}, #{stepName}, #{card}, #{deadline}, #{at})")
    void insert(long caseId, String scope, String stepKey, String stepName, String card, LocalDate deadline, Instant at);

    /** A raised card of an open case, for the supervision list. */
    class Row {
        public long caseId;
        public String caseNumber;
        public String itemCode;
        public String scopeKey;
        public String stepKey;
        public String stepName;
        public String card;
        public LocalDate deadline;
        public Instant raisedAt;
    }

    String OPEN = "FROM tb_deadline_warning w JOIN tb_case c ON c.id = w.case_id WHERE c.concluded_at IS NULL "
            + "<if test='card != null'> AND w.card = #{card}</if><if test='itemCodes != null'> AND c.item_code IN <foreach item='i' collection='itemCodes' open='(' separator=',' close=')'>#{i}</foreach></if>"
            // a case's red card makes its yellow one history
            + " AND NOT (w.card = 'YELLOW' AND EXISTS (SELECT 1 FROM tb_deadline_warning r WHERE r.case_id = w.case_id "
            + "AND r.scope_key = w.scope_key AND r.card = 'RED'))";

    @Select("<script>SELECT w.case_id, c.case_number, c.item_code, w.scope_key, w.step_key, w.step_name, w.card, w.deadline, "
            + "w.raised_at " + OPEN + " ORDER BY w.card, w.deadline, w.id LIMIT #{limit} OFFSET #{offset}</script>")
    List<Row> open(String card, List<String> itemCodes, int offset, int limit);

    @Select("<script>SELECT COUNT(*) " + OPEN + "</script>")
    long countOpen(String card, List<String> itemCodes);

    @Select("SELECT w.case_id, c.case_number, c.item_code, w.scope_key, w.step_key, w.step_name, w.card, w.deadline, w.raised_at "
            + "FROM tb_deadline_warning w JOIN tb_case c ON c.id = w.case_id WHERE w.case_id = #{caseId} ORDER BY w.id")
    List<Row> ofCase(long caseId);
}
