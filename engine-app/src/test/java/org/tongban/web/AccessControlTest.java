package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.tongban.support.ApiTestBase;

/** The denials: who may not see or do what. */
class AccessControlTest extends ApiTestBase {

    @Test
    void anonymousCallersReadTheCatalogueButNothingElse() {
        assertThat(rest.getForEntity("/api/v1/items", JsonNode.class).getStatusCode().value()).isEqualTo(200);
        JsonNode guide = rest.getForObject("/api/v1/items/" + FOOD, JsonNode.class);
        assertThat(guide.at("/name/zh").asText()).isEqualTo("食品经营许可");
        assertThat(guide.get("materials")).hasSize(3);
        var denied = rest.getForEntity("/api/v1/cases", JsonNode.class);
        assertThat(denied.getStatusCode().value()).isEqualTo(401);
        assertThat(denied.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(denied.getBody().get("detail").asText()).contains("登录");
        assertThat(rest.withBasicAuth("zhangwei", "wrong").getForEntity("/api/v1/cases", JsonNode.class)
                .getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void anApplicantSeesOnlyTheirOwnCases() {
        String number = submitFood("zhangwei");
        assertThat(as("lina").getForEntity("/api/v1/cases/" + number, JsonNode.class).getStatusCode().value()).isEqualTo(404);
        assertThat(as("lina").getForEntity("/api/v1/cases/" + number + "/history", JsonNode.class).getStatusCode().value()).isEqualTo(404);
        long material = caseOf("zhangwei", number).at("/materials/0/id").asLong();
        assertThat(as("lina").getForEntity("/api/v1/cases/" + number + "/materials/" + material, byte[].class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(as("zhangwei").getForEntity("/api/v1/cases/" + number + "/materials/" + material, byte[].class)
                .getBody()).isEqualTo(pdfBytes());
        assertThat(as("lina").getForObject("/api/v1/cases", JsonNode.class).findValuesAsText("caseNumber")).doesNotContain(number);
        // applicants have no task queue and cannot act on tasks
        assertThat(as("zhangwei").getForEntity("/api/v1/tasks", JsonNode.class).getStatusCode().value()).isEqualTo(403);
        String task = taskOf("wangfang", number, "acceptance");
        assertThat(act("zhangwei", task, "ACCEPT", null, null).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void anApproverWorksAndSeesOnlyTheirDepartmentsCases() {
        String number = submitFood("zhangwei");
        String task = taskOf("wangfang", number, "acceptance");
        // another department's approver: not in the queue, no detail, no action, no case
        assertThat(as("chenjing").getForObject("/api/v1/tasks?caseNumber=" + number, JsonNode.class).get("items").findValuesAsText("id")).doesNotContain(task);
        assertThat(as("chenjing").getForEntity("/api/v1/tasks/" + task, JsonNode.class).getStatusCode().value()).isEqualTo(404);
        assertThat(act("chenjing", task, "ACCEPT", null, null).getStatusCode().value()).isEqualTo(404);
        assertThat(as("chenjing").getForEntity("/api/v1/cases/" + number, JsonNode.class).getStatusCode().value()).isEqualTo(404);
        // the right department sees it; a supervisor oversees all
        assertThat(as("liuyang").getForEntity("/api/v1/cases/" + number, JsonNode.class).getStatusCode().value()).isEqualTo(200);
        assertThat(as("zhengli").getForEntity("/api/v1/cases/" + number, JsonNode.class).getStatusCode().value()).isEqualTo(200);
        // approvers and designers cannot submit applications
        assertThat(submit("wangfang", FOOD, foodForm(), java.util.Map.of()).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void aClaimedTaskCannotBeTakenByAColleague() {
        String number = submitFood("zhangwei");
        String task = taskOf("wangfang", number, "acceptance");
        assertThat(as("wangfang").postForEntity("/api/v1/tasks/" + task + "/claim", null, JsonNode.class)
                .getBody().get("assignee").asText()).isEqualTo("wangfang");
        var taken = as("liuyang").postForEntity("/api/v1/tasks/" + task + "/claim", null, JsonNode.class);
        assertThat(taken.getStatusCode().value()).isEqualTo(409);
        assertThat(act("liuyang", task, "ACCEPT", null, null).getStatusCode().value()).isEqualTo(409);
        assertThat(act("wangfang", task, "ACCEPT", null, null).getStatusCode().value()).isEqualTo(204);
    }

    @Test
    void onlyDesignersDeployProcesses() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        var body = new HttpEntity<>("<definitions/>", headers);
        assertThat(as("zhangwei").postForEntity("/api/v1/items/" + FOOD + "/process-versions", body, JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(as("wangfang").postForEntity("/api/v1/items/" + FOOD + "/process-versions", body, JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
    }
}
