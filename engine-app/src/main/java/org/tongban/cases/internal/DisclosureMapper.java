package org.tongban.cases.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** Concluded decisions for 办件公示, without anything personal but the applicant's account (the caller masks its name). */
@Mapper
public interface DisclosureMapper {

    record DisclosedRow(String caseNumber, String itemCode, String applicant, String status, Instant acceptedAt, Instant concludedAt) {
    }

    @Select("<script>SELECT case_number, item_code, applicant, status, accepted_at, concluded_at FROM tb_case "
            + "WHERE status IN ('GRANTED', 'REFUSED', 'REJECTED') <if test='itemCode != null'>AND item_code = #{itemCode}</if> "
            + "ORDER BY concluded_at DESC, id DESC LIMIT #{size} OFFSET #{offset}</script>")
    List<DisclosedRow> page(String itemCode, int size, long offset);

    @Select("<script>SELECT COUNT(*) FROM tb_case WHERE status IN ('GRANTED', 'REFUSED', 'REJECTED') "
            + "<if test='itemCode != null'>AND item_code = #{itemCode}</if></script>")
    long count(String itemCode);
}
