package org.tongban.cases.internal;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Every case, filtered by item, status and department (a department that has or had a step in it), newest first. */
@Mapper
interface OversightMapper {

    String WHERE = "<where> c.case_number IS NOT NULL"
            + "<if test='itemCode != null'> AND c.item_code = #{itemCode}</if>"
            + "<if test='status != null'> AND c.status = #{status}</if>"
            + "<if test='department != null'> AND EXISTS (SELECT 1 FROM tb_case_department d WHERE d.case_id = c.id "
            + "AND d.department = #{department})</if></where>";

    @Select("<script>SELECT c.id, c.case_number, c.item_code, c.applicant, c.status, c.submitted_at, c.accepted_at, "
            + "c.concluded_at FROM tb_case c " + WHERE + " ORDER BY c.id DESC LIMIT #{limit} OFFSET #{offset}</script>")
    List<CaseRow> cases(@Param("itemCode") String itemCode, @Param("status") String status,
                        @Param("department") String department, @Param("offset") int offset, @Param("limit") int limit);

    @Select("<script>SELECT COUNT(*) FROM tb_case c " + WHERE + "</script>")
    long count(@Param("itemCode") String itemCode, @Param("status") String status, @Param("department") String department);
}
