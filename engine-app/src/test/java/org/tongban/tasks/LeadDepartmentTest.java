package org.tongban.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tongban.support.ApiTestBase;

/**
 * 牵头部门: after the joint review the lead department (DQ-ZJJ, 陈静) consolidates the opinions or sends the review
 * back to named departments for another round; its panel shows every round; the applicant sees which departments
 * have finished; GRANT needs the latest round consolidated.
 */
class LeadDepartmentTest extends ApiTestBase {

    @Autowired
    RuntimeService runtime;

    @Test
    void aSendBackRoundIsDecidedOverEveryDepartmentTheOthersCountWithTheirLatestVerdicts() {
        String number = submitConstruction("lina");
        actOk("chenjing", number, "acceptance", "ACCEPT", "材料齐全，予以受理");
        actOk("zhaolei", number, "jointReview", "AGREE", "符合国土空间规划");
        actOk("sunqiang", number, "jointReview", "DISAGREE", "消防车道宽度不足4米");
        actOk("zhoumin", number, "jointReview", "DISAGREE", "未取得环评批复");
        // only the fire brigade is asked again: the ecology bureau's DISAGREE stands, so ALL is still not met
        assertThat(sendBack("chenjing", taskOf("chenjing", number, "consolidation"), List.of("DQ-XF"), "请消防复核")
                .getStatusCode().value()).isEqualTo(204);
        // its round has started: the send-back cannot be recalled
        var recall = as("chenjing").postForEntity("/api/v1/cases/" + number + "/recall", java.util.Map.of("reason", "撤回"), JsonNode.class);
        assertThat(recall.getStatusCode().value()).isEqualTo(409);
        assertThat(recall.getBody().get("code").asText()).isEqualTo("recall-send-back");
        actOk("sunqiang", number, "jointReview", "AGREE", "复核后符合要求");
        actOk("chenjing", number, "consolidation", "CONSOLIDATE", "生态环境部门仍不同意");
        var grant = act("chenjing", taskOf("chenjing", number, "decision"), "GRANT", "准予许可", null);
        assertThat(grant.getStatusCode().value()).isEqualTo(409);
        assertThat(grant.getBody().get("code").asText()).isEqualTo("joint-review-not-agreed");
        // the lead returns the decision to the consolidation and asks the ecology bureau again: now all agree
        assertThat(as("chenjing").postForEntity("/api/v1/tasks/" + taskOf("chenjing", number, "decision") + "/return",
                java.util.Map.of("to", "consolidation", "reason", "再请生态环境部门复核"), JsonNode.class).getStatusCode().value())
                .isEqualTo(204);
        assertThat(sendBack("chenjing", taskOf("chenjing", number, "consolidation"), List.of("DQ-STHJ"), "请复核环评")
                .getStatusCode().value()).isEqualTo(204);
        actOk("zhoumin", number, "jointReview", "AGREE", "环评批复已补齐");
        actOk("chenjing", number, "consolidation", "CONSOLIDATE", "各部门均同意");
        actOk("chenjing", number, "decision", "GRANT", "准予许可");
        assertThat(caseOf("lina", number).get("status").asText()).isEqualTo("GRANTED");
    }

    @Test
    void sendBackStartsANewRoundForTheNamedDepartmentOnlyAndTheLeadGrantsAfterConsolidating() {
        String number = submitConstruction("lina");
        assertThat(caseOf("lina", number).has("jointReviewProgress")).isFalse();
        actOk("chenjing", number, "acceptance", "ACCEPT", "材料齐全，予以受理");
        actOk("zhaolei", number, "jointReview", "AGREE", "符合国土空间规划");

        // the applicant sees which departments have finished: no opinions, no reviewers
        JsonNode progress = caseOf("lina", number).get("jointReviewProgress");
        assertThat(progress).hasSize(3);
        assertThat(finished(progress)).containsExactly("DQ-ZRZY:true", "DQ-XF:false", "DQ-STHJ:false");
        assertThat(progress.get(0).get("departmentName").asText()).isEqualTo("德清县自然资源和规划局");
        assertThat(progress.get(0).path("finishedAt").isMissingNode()).isFalse();
        assertThat(progress.toString()).doesNotContain("符合国土空间规划", "zhaolei", "赵磊");

        // a reviewing department cannot send back or consolidate from its own task
        assertField(sendBack("sunqiang", taskOf("sunqiang", number, "jointReview"), List.of("DQ-ZRZY"), "再审"),
                "action", "action-not-allowed");
        actOk("sunqiang", number, "jointReview", "DISAGREE", "消防车道宽度不足4米");
        actOk("zhoumin", number, "jointReview", "AGREE", "已取得环评批复");

        // the consolidation step is the lead's: other departments cannot open or work it
        String consolidation = taskOf("chenjing", number, "consolidation");
        assertThat(as("chenjing").getForObject("/api/v1/tasks/" + consolidation, JsonNode.class).get("allowedActions").toString())
                .isEqualTo("[\"CONSOLIDATE\",\"SEND_BACK\"]");
        assertThat(as("zhaolei").getForEntity("/api/v1/tasks/" + consolidation, JsonNode.class).getStatusCode().value()).isEqualTo(404);
        assertThat(sendBack("zhaolei", consolidation, List.of("DQ-XF"), "再审").getStatusCode().value()).isEqualTo(404);
        assertThat(sendBack("wangfang", consolidation, List.of("DQ-XF"), "再审").getStatusCode().value()).isEqualTo(404);

        // refusals: no department, a department outside the joint review, no reason, consolidation without text
        assertField(sendBack("chenjing", consolidation, List.of(), "再审"), "departments", "departments-required");
        assertField(sendBack("chenjing", consolidation, null, "再审"), "departments", "departments-required");
        var stranger = sendBack("chenjing", consolidation, List.of("DQ-XF", "DQ-SCJG"), "再审");
        assertField(stranger, "departments", "not-in-joint-review");
        assertThat(stranger.getBody().toString()).contains("DQ-SCJG");
        var flood = sendBack("chenjing", consolidation, java.util.Collections.nCopies(200, "X".repeat(2000)), "再审");
        assertField(flood, "departments", "not-in-joint-review");
        assertThat(flood.getBody().toString().length()).as("the refusal does not echo the request").isLessThan(4000);
        assertField(sendBack("chenjing", consolidation, List.of("DQ-XF"), " "), "opinion", "opinion-required");
        assertField(act("chenjing", consolidation, "CONSOLIDATE", null, null), "opinion", "opinion-required");
        assertField(act("chenjing", consolidation, "GRANT", "准予许可", null), "action", "action-not-allowed");
        assertThat(caseOf("lina", number).get("currentSteps").findValuesAsText("stepKey")).containsExactly("consolidation");

        // send back to the fire department only: a new round for it alone
        var sent = sendBack("chenjing", consolidation, List.of("DQ-XF"), "请消防部门结合补充的消防车道设计复核");
        assertThat(sent.getStatusCode().value()).as(String.valueOf(sent.getBody())).isEqualTo(204);
        JsonNode view = caseOf("lina", number);
        assertThat(view.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(view.get("currentSteps")).hasSize(1);
        assertThat(view.at("/currentSteps/0/departments").toString()).isEqualTo("[\"DQ-XF\"]");
        assertThat(finished(view.get("jointReviewProgress"))).containsExactly("DQ-XF:false");
        assertThat(todoHas("zhaolei", number)).isFalse();
        assertThat(todoHas("zhoumin", number)).isFalse();
        String pid = jdbc.queryForObject("SELECT process_instance_id FROM tb_case WHERE case_number = ?", String.class, number);
        assertThat(runtime.getVariable(pid, "jointReviewRound")).isEqualTo(2);

        // the panel shows both rounds; round 2 is pending for the fire department
        JsonNode panel = panel("chenjing", number);
        assertThat(panel.get("full").asBoolean()).isTrue();
        assertThat(panel.get("lead").asText()).isEqualTo("DQ-ZJJ");
        assertThat(panel.get("rounds")).hasSize(2);
        JsonNode first = panel.at("/rounds/0");
        assertThat(statuses(first)).containsExactly("DQ-ZRZY:AGREED", "DQ-XF:DISAGREED", "DQ-STHJ:AGREED");
        assertThat(first.at("/departments/1/opinion").asText()).isEqualTo("消防车道宽度不足4米");
        assertThat(first.at("/departments/1/reviewerName").asText()).isEqualTo("孙强");
        assertThat(first.at("/departments/1/finishedAt").isMissingNode()).isFalse();
        assertThat(first.at("/departments/1/secondsTaken").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(first.has("consolidation")).isFalse();
        JsonNode second = panel.at("/rounds/1");
        assertThat(second.get("round").asInt()).isEqualTo(2);
        assertThat(second.get("sendBackReason").asText()).contains("消防车道");
        assertThat(statuses(second)).containsExactly("DQ-XF:PENDING");
        assertThat(second.at("/departments/0/finishedAt").isMissingNode()).isTrue();

        // the fire department agrees in round 2; its old opinion stays in the history
        actOk("sunqiang", number, "jointReview", "AGREE", "补充设计后消防车道宽度满足要求");
        assertThat(finished(caseOf("lina", number).get("jointReviewProgress"))).containsExactly("DQ-XF:true");
        assertThat(jdbc.queryForList("SELECT e.action FROM tb_case_event e JOIN tb_case c ON c.id = e.case_id "
                + "WHERE c.case_number = ? AND e.department = 'DQ-XF' ORDER BY e.id", String.class, number))
                .containsExactly("DISAGREE", "AGREE");

        // consolidate, then grant
        actOk("chenjing", number, "consolidation", "CONSOLIDATE", "经两轮会审，各部门均同意，符合施工许可条件");
        panel = panel("chenjing", number);
        assertThat(statuses(panel.at("/rounds/1"))).containsExactly("DQ-XF:AGREED");
        assertThat(panel.at("/rounds/1/consolidation/opinion").asText()).contains("经两轮会审");
        assertThat(panel.at("/rounds/1/consolidation/byName").asText()).isEqualTo("陈静");
        String decision = taskOf("chenjing", number, "decision");
        assertThat(as("chenjing").getForObject("/api/v1/tasks/" + decision, JsonNode.class).get("allowedActions").toString())
                .contains("GRANT", "REFUSE");
        actOk("chenjing", number, "decision", "GRANT", "准予许可");
        assertThat(caseOf("lina", number).get("status").asText()).isEqualTo("GRANTED");
        assertThat(jdbc.queryForList("SELECT e.action FROM tb_case_event e JOIN tb_case c ON c.id = e.case_id "
                + "WHERE c.case_number = ? AND e.department = 'DQ-ZJJ' ORDER BY e.id", String.class, number))
                .containsExactly("ACCEPT", "SEND_BACK", "CONSOLIDATE", "GRANT");
    }

    @Test
    void thePanelIsFullForTheLeadAndSupervisorsPartialForParticipantsAndHiddenFromEveryoneElse() {
        String number = submitConstruction("lina");
        // before acceptance there is no round yet; the lead still has the (empty) panel
        assertThat(panel("chenjing", number).get("rounds")).isEmpty();
        actOk("chenjing", number, "acceptance", "ACCEPT", null);
        actOk("zhaolei", number, "jointReview", "AGREE", "符合国土空间规划");
        actOk("sunqiang", number, "jointReview", "DISAGREE", "消防车道宽度不足4米");
        actOk("zhoumin", number, "jointReview", "AGREE", "已取得环评批复");
        actOk("chenjing", number, "consolidation", "CONSOLIDATE", "消防部门不同意，建议不予许可");

        for (String full : List.of("chenjing", "zhengli", "admin")) {
            JsonNode panel = panel(full, number);
            assertThat(panel.get("full").asBoolean()).as(full).isTrue();
            assertThat(panel.toString()).as(full).contains("符合国土空间规划", "消防车道宽度不足4米", "已取得环评批复", "建议不予许可");
        }
        // a participating department: every status, its own opinion and reviewer only, no consolidated opinion
        JsonNode partial = panel("sunqiang", number);
        assertThat(partial.get("full").asBoolean()).isFalse();
        assertThat(statuses(partial.at("/rounds/0"))).containsExactly("DQ-ZRZY:AGREED", "DQ-XF:DISAGREED", "DQ-STHJ:AGREED");
        assertThat(partial.at("/rounds/0/departments/1/opinion").asText()).isEqualTo("消防车道宽度不足4米");
        assertThat(partial.toString()).doesNotContain("符合国土空间规划", "已取得环评批复", "建议不予许可", "zhaolei", "赵磊");
        assertThat(partial.at("/rounds/0/consolidation/at").isMissingNode()).isFalse();
        // the applicant, another department and an unknown case: 404
        for (String outsider : List.of("lina", "zhangwei", "wangfang")) {
            assertThat(as(outsider).getForEntity("/api/v1/cases/" + number + "/joint-review", JsonNode.class).getStatusCode().value())
                    .as(outsider).isEqualTo(404);
        }
        assertThat(as("chenjing").getForEntity("/api/v1/cases/TB00000000999999/joint-review", JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
        // a case without a joint review has no panel
        String food = submitFood("zhangwei");
        assertThat(as("zhengli").getForEntity("/api/v1/cases/" + food + "/joint-review", JsonNode.class).getStatusCode().value())
                .isEqualTo(404);
        assertThat(caseOf("zhangwei", food).has("jointReviewProgress")).isFalse();
        assertThat(rest.getForEntity("/api/v1/cases/" + number + "/joint-review", JsonNode.class).getStatusCode().value())
                .isEqualTo(401);
    }

    /** A process version without the consolidation step (e.g. a designer's): under ALL the lead may not grant. */
    @Test
    void withoutAConsolidationOfTheLatestRoundTheLeadMayNotGrant() throws Exception {
        String shipped = new String(new org.springframework.core.io.ClassPathResource(
                "content/process-definitions/construction-permit/process.bpmn20.xml").getContentAsByteArray(), StandardCharsets.UTF_8);
        String direct = shipped.replace("<sequenceFlow id=\"f7\" sourceRef=\"jointReview\" targetRef=\"consolidation\"/>",
                "<sequenceFlow id=\"f7\" sourceRef=\"jointReview\" targetRef=\"decision\"/>");
        assertThat(direct).isNotEqualTo(shipped);
        try {
            assertThat(deploy(direct).getStatusCode().value()).isEqualTo(201);
            String number = submitConstruction("lina");
            actOk("chenjing", number, "acceptance", "ACCEPT", null);
            actOk("zhaolei", number, "jointReview", "AGREE", null);
            actOk("sunqiang", number, "jointReview", "AGREE", null);
            actOk("zhoumin", number, "jointReview", "AGREE", null);
            String decision = taskOf("chenjing", number, "decision");
            assertThat(as("chenjing").getForObject("/api/v1/tasks/" + decision, JsonNode.class).get("allowedActions").toString())
                    .doesNotContain("GRANT");
            var grant = act("chenjing", decision, "GRANT", "准予许可", null);
            assertThat(grant.getStatusCode().value()).isEqualTo(409);
            assertThat(grant.getBody().get("code").asText()).isEqualTo("consolidation-missing");
            actOk("chenjing", number, "decision", "REFUSE", "未汇总会审意见");
        } finally {
            assertThat(deploy(shipped).getStatusCode().value()).isEqualTo(201);
        }
    }

    private ResponseEntity<JsonNode> deploy(String bpmn) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        return as("wujun").postForEntity("/api/v1/items/" + CONSTRUCTION + "/process-versions",
                new HttpEntity<>(bpmn.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> sendBack(String approver, String taskId, List<String> departments, String reason) {
        var body = new HashMap<String, Object>();
        body.put("action", "SEND_BACK");
        body.put("opinion", reason);
        body.put("departments", departments);
        return as(approver).exchange("/api/v1/tasks/" + taskId + "/complete", HttpMethod.POST, new HttpEntity<>(body), JsonNode.class);
    }

    private static void assertField(ResponseEntity<JsonNode> response, String field, String code) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);
        assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo(field);
        assertThat(response.getBody().at("/errors/0/code").asText()).isEqualTo(code);
    }

    private JsonNode panel(String user, String number) {
        var response = as(user).getForEntity("/api/v1/cases/" + number + "/joint-review", JsonNode.class);
        assertThat(response.getStatusCode().value()).as(user + ": " + response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    private boolean todoHas(String approver, String number) {
        return as(approver).getForObject("/api/v1/tasks?caseNumber=" + number, JsonNode.class).get("items")
                .findValuesAsText("caseNumber").contains(number);
    }

    private static List<String> statuses(JsonNode round) {
        var out = new ArrayList<String>();
        round.get("departments").forEach(d -> out.add(d.get("department").asText() + ":" + d.get("status").asText()));
        return out;
    }

    private static List<String> finished(JsonNode progress) {
        var out = new ArrayList<String>();
        progress.forEach(d -> out.add(d.get("department").asText() + ":" + d.get("finished").asBoolean()));
        return out;
    }
}
