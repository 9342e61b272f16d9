package org.tongban.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.tongban.support.ApiTestBase;

/** 退回: to the previous step, to any earlier step, to the applicant; from and to the joint review; and the refusals. */
class ReturnTest extends ApiTestBase {

    @Test
    void theLeadReturnsTheDecisionToTheJointReviewAndEveryDepartmentReviewsAgainInANewRound() {
        String number = submitConstruction("lina");
        actOk("chenjing", number, "acceptance", "ACCEPT", null);
        actOk("zhaolei", number, "jointReview", "AGREE", "符合规划");
        actOk("sunqiang", number, "jointReview", "DISAGREE", "消防车道宽度不足");
        actOk("zhoumin", number, "jointReview", "AGREE", "环评已批复");
        actOk("chenjing", number, "consolidation", "CONSOLIDATE", "消防部门不同意，其余部门同意");
        String decision = taskOf("chenjing", number, "decision");

        JsonNode detail = as("chenjing").getForObject("/api/v1/tasks/" + decision, JsonNode.class);
        assertThat(detail.get("operations").toString()).contains("\"return\"");
        assertThat(detail.get("returnTargets").findValuesAsText("to")).containsExactly("consolidation", "jointReview", "acceptance", "applicant");

        assertThat(returnTask("chenjing", decision, "jointReview", "请消防部门结合补充的消防车道图纸复核").getStatusCode().value()).isEqualTo(204);
        JsonNode view = caseOf("lina", number);
        assertThat(view.get("status").asText()).isEqualTo("ACCEPTED");
        // a new round for all three departments, each back with the person who reviewed it last time
        JsonNode steps = view.get("currentSteps");
        assertThat(steps).hasSize(3);
        Map<String, String> assignees = new HashMap<>();
        steps.forEach(s -> assignees.put(s.get("departments").get(0).asText(), s.get("assignee").asText()));
        assertThat(assignees).containsEntry("DQ-ZRZY", "zhaolei").containsEntry("DQ-XF", "sunqiang").containsEntry("DQ-STHJ", "zhoumin");
        JsonNode last = lastEvent("lina", number);
        assertThat(last.get("action").asText()).isEqualTo("RETURN");
        assertThat(last.get("stepKey").asText()).isEqualTo("decision");
        assertThat(last.get("stepName").asText()).isEqualTo("牵头部门决定 → 并联审查");
        assertThat(last.get("opinion").asText()).isEqualTo("请消防部门结合补充的消防车道图纸复核");
        assertThat(last.get("target").asText()).isEqualTo("jointReview");
        // the lead's panel shows the new round beside the first, whose opinions stay
        JsonNode rounds = as("chenjing").getForObject("/api/v1/cases/" + number + "/joint-review", JsonNode.class).get("rounds");
        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(1).get("departments")).hasSize(3);

        // the old DISAGREE no longer blocks: each department's latest verdict counts
        actOk("zhaolei", number, "jointReview", "AGREE", "符合规划");
        actOk("sunqiang", number, "jointReview", "AGREE", "复核后符合要求");
        actOk("zhoumin", number, "jointReview", "AGREE", "环评已批复");
        actOk("chenjing", number, "consolidation", "CONSOLIDATE", "复核后各部门均同意");
        actOk("chenjing", number, "decision", "GRANT", "准予许可");
        assertThat(caseOf("lina", number).get("status").asText()).isEqualTo("GRANTED");
        assertThat(countActions(number, "AGREE")).isEqualTo(5);
    }

    @Test
    void aDepartmentReturnsTheJointReviewToAcceptanceWhichEndsEveryDepartmentsTask() {
        String number = submitConstruction("lina");
        actOk("chenjing", number, "acceptance", "ACCEPT", null);
        actOk("zhaolei", number, "jointReview", "AGREE", "符合规划");
        String fire = taskOf("sunqiang", number, "jointReview");
        JsonNode detail = as("sunqiang").getForObject("/api/v1/tasks/" + fire, JsonNode.class);
        assertThat(detail.get("returnTargets").findValuesAsText("to")).containsExactly("acceptance", "applicant");
        // not reached yet, and forward: refused
        assertThat(code(returnTask("sunqiang", fire, "decision", "x"))).isEqualTo("409 return-target-not-earlier");
        assertThat(code(returnTask("sunqiang", fire, "noSuchStep", "x"))).isEqualTo("400 invalid-input");
        // while another department holds its task, the whole step cannot be returned under it
        String ecology = taskOf("zhoumin", number, "jointReview");
        assertThat(as("zhoumin").postForEntity("/api/v1/tasks/" + ecology + "/claim", null, JsonNode.class).getStatusCode().value()).isEqualTo(200);
        assertThat(code(returnTask("sunqiang", fire, "acceptance", "x"))).isEqualTo("409 return-others-working");
        assertThat(as("zhoumin").postForEntity("/api/v1/tasks/" + ecology + "/unclaim", java.util.Map.of("reason", "请消防先处理"),
                JsonNode.class).getStatusCode().value()).isEqualTo(200);

        assertThat(returnTask("sunqiang", fire, "acceptance", "受理材料缺少消防设计审查意见").getStatusCode().value()).isEqualTo(204);
        JsonNode view = caseOf("lina", number);
        assertThat(view.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(view.get("currentSteps")).hasSize(1);
        assertThat(view.at("/currentSteps/0/stepKey").asText()).isEqualTo("acceptance");
        assertThat(view.at("/currentSteps/0/assignee").asText()).isEqualTo("chenjing");
        assertThat(todoTotal("zhoumin", number)).isZero();
        // at acceptance nothing earlier was passed: only the applicant
        String acceptance = taskOf("chenjing", number, "acceptance");
        assertThat(as("chenjing").getForObject("/api/v1/tasks/" + acceptance, JsonNode.class).get("returnTargets")
                .findValuesAsText("to")).containsExactly("applicant");
        assertThat(code(returnTask("chenjing", acceptance, "previous", "x"))).isEqualTo("409 return-no-earlier-step");
        assertThat(code(returnTask("chenjing", acceptance, "jointReview", "x"))).isEqualTo("409 return-target-not-earlier");
        // accepted again: a new round
        actOk("chenjing", number, "acceptance", "ACCEPT", "已补充");
        assertThat(caseOf("lina", number).get("currentSteps")).hasSize(3);
        assertThat(caseOf("lina", number).get("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void theDecisionReturnsToTheApplicantWithTheReasonAsTheNotice() {
        String number = submitConstruction("lina");
        actOk("chenjing", number, "acceptance", "ACCEPT", null);
        for (String reviewer : List.of("zhaolei", "sunqiang", "zhoumin")) {
            actOk(reviewer, number, "jointReview", "AGREE", "同意");
        }
        actOk("chenjing", number, "consolidation", "CONSOLIDATE", "各部门均同意");
        String decision = taskOf("chenjing", number, "decision");
        assertThat(returnTask("chenjing", decision, "applicant", "请补充施工合同的签章页").getStatusCode().value()).isEqualTo(204);
        JsonNode view = caseOf("lina", number);
        assertThat(view.get("status").asText()).isEqualTo("CORRECTION_REQUESTED");
        assertThat(view.get("correctionNotice").asText()).isEqualTo("请补充施工合同的签章页");
        assertThat(view.at("/currentSteps/0/stepKey").asText()).isEqualTo("correction");
        assertThat(todoTotal("chenjing", number)).isZero();
    }

    @Test
    void aSingleDepartmentProcessReturnsToAnyEarlierStepButNeverForward() {
        String number = submitFood("zhangwei");
        actOk("wangfang", number, "acceptance", "ACCEPT", null);
        actOk("liuyang", number, "review", "AGREE", "材料符合要求");
        String inspection = taskOf("wangfang", number, "inspection");
        // review is behind, decision ahead
        assertThat(code(returnTask("wangfang", inspection, "decision", "x"))).isEqualTo("409 return-target-not-earlier");
        actOk("wangfang", number, "inspection", "AGREE", "现场符合");
        String decision = taskOf("wangfang", number, "decision");
        assertThat(as("wangfang").getForObject("/api/v1/tasks/" + decision, JsonNode.class).get("returnTargets")
                .findValuesAsText("to")).containsExactly("inspection", "review", "acceptance", "applicant");

        // another department's approver sees nothing; a reason is required
        assertThat(returnTask("chenjing", decision, "review", "x").getStatusCode().value()).isEqualTo(404);
        assertThat(code(returnTask("wangfang", decision, "review", " "))).isEqualTo("400 invalid-input");
        // claimed by a colleague: only the holder returns
        assertThat(as("liuyang").postForEntity("/api/v1/tasks/" + decision + "/claim", null, JsonNode.class).getStatusCode().value()).isEqualTo(200);
        assertThat(code(returnTask("wangfang", decision, "review", "x"))).isEqualTo("409 task-claimed-by-other");
        assertThat(as("wangfang").getForObject("/api/v1/tasks/" + decision, JsonNode.class).get("operations").toString()).doesNotContain("return");

        assertThat(returnTask("liuyang", decision, "review", "经营面积与平面图不一致，请重新审查").getStatusCode().value()).isEqualTo(204);
        JsonNode view = caseOf("zhangwei", number);
        assertThat(view.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(view.at("/currentSteps/0/stepKey").asText()).isEqualTo("review");
        assertThat(view.at("/currentSteps/0/assignee").asText()).isEqualTo("liuyang");
        // at the review again: inspection is now ahead of the case, not behind it
        String review = taskOf("liuyang", number, "review");
        assertThat(code(returnTask("liuyang", review, "inspection", "x"))).isEqualTo("409 return-target-not-earlier");
        assertThat(as("liuyang").getForObject("/api/v1/tasks/" + review, JsonNode.class).get("returnTargets")
                .findValuesAsText("to")).containsExactly("acceptance", "applicant");
        // the decided task is gone
        assertThat(returnTask("liuyang", decision, "review", "x").getStatusCode().value()).isEqualTo(404);
        actOk("liuyang", number, "review", "AGREE", "复核符合");
        actOk("wangfang", number, "inspection", "AGREE", "现场符合");
        actOk("wangfang", number, "decision", "GRANT", "准予许可");
        assertThat(caseOf("zhangwei", number).get("status").asText()).isEqualTo("GRANTED");
    }

    @Test
    void theWindowReturnsANewApplicationToTheApplicant() {
        String number = submitFood("zhangwei");
        String acceptance = taskOf("wangfang", number, "acceptance");
        assertThat(returnTask("wangfang", acceptance, "applicant", "请上传清晰的经营场所证明").getStatusCode().value()).isEqualTo(204);
        JsonNode view = caseOf("zhangwei", number);
        assertThat(view.get("status").asText()).isEqualTo("CORRECTION_REQUESTED");
        assertThat(view.get("correctionNotice").asText()).isEqualTo("请上传清晰的经营场所证明");
        assertThat(todoTotal("wangfang", number)).isZero();
    }

    private ResponseEntity<JsonNode> returnTask(String approver, String taskId, String to, String reason) {
        var body = new HashMap<String, Object>();
        body.put("to", to);
        body.put("reason", reason);
        return as(approver).exchange("/api/v1/tasks/" + taskId + "/return", HttpMethod.POST, new HttpEntity<>(body), JsonNode.class);
    }

    static String code(ResponseEntity<JsonNode> response) {
        JsonNode body = response.getBody();
        return response.getStatusCode().value() + " " + (body == null ? "" : body.path("code").asText());
    }

    private long todoTotal(String approver, String number) {
        return as(approver).getForObject("/api/v1/tasks?caseNumber=" + number, JsonNode.class).get("total").asLong();
    }

    private JsonNode lastEvent(String user, String number) {
        JsonNode history = as(user).getForObject("/api/v1/cases/" + number + "/history", JsonNode.class);
        return history.get(history.size() - 1);
    }

    private int countActions(String number, String action) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tb_case_event e JOIN tb_case c ON c.id = e.case_id "
                + "WHERE c.case_number = ? AND e.action = ?", Integer.class, number, action);
    }
}
