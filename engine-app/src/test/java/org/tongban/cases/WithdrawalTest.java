package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import org.tongban.support.ApiTestBase;

/** 撤回申请: the applicant takes back an unconcluded case; its steps leave the queues; nobody else can. */
class WithdrawalTest extends ApiTestBase {

    @Test
    void anApplicantWithdrawsAnOpenCaseAndItsStepsLeaveTheQueue() {
        String number = submitFood("zhangwei");
        actOk("wangfang", number, "acceptance", "ACCEPT", null);
        assertThat(queued("wangfang", number)).isEqualTo(1);

        assertThat(withdraw("lina", number, "不是我的").getStatusCode().value()).as("another applicant").isEqualTo(404);
        assertThat(withdraw("wangfang", number, null).getStatusCode().value()).as("an approver").isEqualTo(403);
        assertThat(withdraw("zhangwei", number, "含\u202e控制符").getStatusCode().value()).isEqualTo(400);

        var withdrawn = withdraw("zhangwei", number, "经营场所变更，另行申请");
        assertThat(withdrawn.getStatusCode().value()).as(String.valueOf(withdrawn.getBody())).isEqualTo(200);
        assertThat(withdrawn.getBody().get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.getBody().get("concludedAt").isNull()).isFalse();
        assertThat(queued("wangfang", number)).isZero();
        JsonNode last = lastEvent(number);
        assertThat(last.get("action").asText()).isEqualTo("WITHDRAW");
        assertThat(last.get("opinion").asText()).isEqualTo("经营场所变更，另行申请");
        // the department that handled it still sees it
        assertThat(as("liuyang").getForEntity("/api/v1/cases/" + number, JsonNode.class).getStatusCode().value()).isEqualTo(200);
        // concluded: no second withdrawal
        assertThat(withdraw("zhangwei", number, null).getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void aConcludedCaseCannotBeWithdrawn() {
        String number = submitFood("zhangwei");
        actOk("wangfang", number, "acceptance", "ACCEPT", null);
        actOk("wangfang", number, "review", "AGREE", null);
        actOk("wangfang", number, "inspection", "AGREE", null);
        actOk("wangfang", number, "decision", "GRANT", null);
        var refused = withdraw("zhangwei", number, null);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("case-wrong-status");
        assertThat(caseOf("zhangwei", number).get("status").asText()).isEqualTo("GRANTED");
    }

    private ResponseEntity<JsonNode> withdraw(String user, String number, String reason) {
        Map<String, Object> body = reason == null ? Map.of() : Map.of("reason", reason);
        return as(user).postForEntity("/api/v1/cases/" + number + "/withdrawal", new HttpEntity<>(body), JsonNode.class);
    }

    private long queued(String approver, String number) {
        return as(approver).getForObject("/api/v1/tasks?caseNumber=" + number, JsonNode.class).get("total").asLong();
    }

    private JsonNode lastEvent(String number) {
        JsonNode history = as("zhangwei").getForObject("/api/v1/cases/" + number + "/history", JsonNode.class);
        return history.get(history.size() - 1);
    }
}
