package org.tongban.cases.internal;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** The departments each send-back names for its joint-review round (tb_joint_review_round). */
@Mapper
public interface JointReviewMapper {

    /** {@code departments} comma-separated, in the order the lead named them. */
    record RoundRow(int roundNo, String departments) {
    }

    @Insert("INSERT INTO tb_joint_review_round (case_id, round_no, departments) VALUES (#{caseId}, #{roundNo}, #{departments})")
    void insert(long caseId, int roundNo, String departments);

    @Select("SELECT round_no, departments FROM tb_joint_review_round WHERE case_id = #{caseId} ORDER BY round_no")
    List<RoundRow> rounds(long caseId);
}
