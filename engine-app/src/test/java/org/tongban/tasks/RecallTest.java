package org.tongban.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.tasks.ReturnTest.code;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.tongban.support.ApiTestBase;

/** 撤回: an approver takes back their own last step while the next one is untouched; every refusal. */
class RecallTest extends ApiTestBase {

    @Test
    void theWindowRecallsItsAcceptanceWhileNoDepartmentHasTouchedTheJointReview() {
        String number = submitConstruction("lina");
        actOk("chenjing", number, "acceptance", "ACCEPT", "材料齐全");
        assertThat(caseOf("lina", number).get("currentSteps")).hasSize(3);

        // someone else: a department with no step of its own yet does not even see the case; a reviewer has nothing
        assertThat(recall("wangfang", number, "x").getStatusCode().value()).isEqualTo(404);
        assertThat(code(recall("zhaolei", number, "x"))).isEqualTo("409 nothing-to-recall");
        assertThat(recall("lina", number, "x").getStatusCode().value()).as("an applicant").isEqualTo(403);
        assertThat(code(recall("chenjing", number, ""))).isEqualTo("400 invalid-input");

        var recalled = recall("chenjing", number, "规划许可证编号录入有误，撤回重新受理");
        assertThat(recalled.getStatusCode().value()).as(String.valueOf(recalled.getBody())).isEqualTo(200);
        assertThat(recalled.getBody().get("stepKey").asText()).isEqualTo("acceptance");
        assertThat(recalled.getBody().get("assignee").asText()).isEqualTo("chenjing");
        JsonNode view = caseOf("lina", number);
        assertThat(view.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(view.get("currentSteps")).hasSize(1);
        assertThat(todo("zhaolei", number)).isZero();
        JsonNode last = lastEvent(number);
        assertThat(last.get("action").asText()).isEqualTo("RECALL");
        assertThat(last.get("stepKey").asText()).isEqualTo("acceptance");
        assertThat(last.get("opinion").asText()).isEqualTo("规划许可证编号录入有误，撤回重新受理");
        // recalled once: nothing left to recall
        assertThat(code(recall("chenjing", number, "x"))).isEqualTo("409 nothing-to-recall");

        actOk("chenjing", number, "acceptance", "ACCEPT", "材料齐全");
        // a joint-review verdict is not recalled while the countersign runs
        actOk("zhaolei", number, "jointReview", "AGREE", "符合规划");
        assertThat(code(recall("zhaolei", number, "x"))).isEqualTo("409 recall-joint-review-verdict");
        // the joint review has started: the acceptance can no longer be recalled
        assertThat(code(recall("chenjing", number, "x"))).isEqualTo("409 recall-next-step-started");
    }

    @Test
    void aClaimedNextStepCannotBeRecalled() {
        String number = submitConstruction("lina");
        actOk("chenjing", number, "acceptance", "ACCEPT", null);
        String fire = taskOf("sunqiang", number, "jointReview");
        assertThat(as("sunqiang").postForEntity("/api/v1/tasks/" + fire + "/claim", null, JsonNode.class).getStatusCode().value()).isEqualTo(200);
        assertThat(code(recall("chenjing", number, "x"))).isEqualTo("409 recall-next-step-started");
        assertThat(caseOf("lina", number).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(caseOf("lina", number).get("currentSteps")).hasSize(3);
    }

    @Test
    void aReviewerRecallsTheirVerdictAndTheWindowItsCorrectionRequestButNothingAfterTheDecision() {
        String number = submitFood("zhangwei");
        actOk("wangfang", number, "acceptance", "ACCEPT", null);
        actOk("liuyang", number, "review", "AGREE", "材料符合要求");
        assertThat(code(recall("wangfang", number, "x"))).isEqualTo("409 recall-next-step-started");
        var recalled = recall("liuyang", number, "漏看了平面布局图，撤回重审");
        assertThat(recalled.getStatusCode().value()).isEqualTo(200);
        assertThat(recalled.getBody().get("stepKey").asText()).isEqualTo("review");
        assertThat(caseOf("zhangwei", number).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(caseOf("zhangwei", number).at("/currentSteps/0/assignee").asText()).isEqualTo("liuyang");
        actOk("liuyang", number, "review", "AGREE", "已核对平面布局图");
        actOk("wangfang", number, "inspection", "AGREE", "现场符合");
        actOk("wangfang", number, "decision", "GRANT", "准予许可");
        assertThat(code(recall("wangfang", number, "x"))).isEqualTo("409 case-wrong-status");
        assertThat(caseOf("zhangwei", number).get("status").asText()).isEqualTo("GRANTED");

        String second = submitFood("zhangwei");
        String acceptance = taskOf("wangfang", second, "acceptance");
        assertThat(act("wangfang", acceptance, "REQUEST_CORRECTION", null, List.of("补充经营场所租赁合同")).getStatusCode().value()).isEqualTo(204);
        assertThat(caseOf("zhangwei", second).get("status").asText()).isEqualTo("CORRECTION_REQUESTED");
        assertThat(recall("wangfang", second, "租赁合同已在材料中，误发补正").getStatusCode().value()).isEqualTo(200);
        JsonNode view = caseOf("zhangwei", second);
        assertThat(view.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(view.at("/currentSteps/0/stepKey").asText()).isEqualTo("acceptance");
        assertThat(view.hasNonNull("correctionNotice")).isFalse();
    }

    private ResponseEntity<JsonNode> recall(String user, String number, String reason) {
        var body = new HashMap<String, Object>();
        body.put("reason", reason);
        return as(user).exchange("/api/v1/cases/" + number + "/recall", HttpMethod.POST, new HttpEntity<>(body), JsonNode.class);
    }

    private long todo(String approver, String number) {
        return as(approver).getForObject("/api/v1/tasks?caseNumber=" + number, JsonNode.class).get("total").asLong();
    }

    private JsonNode lastEvent(String number) {
        JsonNode history = as("lina").getForObject("/api/v1/cases/" + number + "/history", JsonNode.class);
        return history.get(history.size() - 1);
    }
}
