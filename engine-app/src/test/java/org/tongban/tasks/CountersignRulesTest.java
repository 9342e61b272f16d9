package org.tongban.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tongban.support.ApiTestBase;

/**
 * The countersign rules as the engine enforces them, over HTTP: the outdoor advertising permit's weighted vote as
 * shipped, and ALL/ANY/SEQUENTIAL versions of it deployed through the designer API (the shipped version is deployed
 * again afterwards); departments no longer needed, the lead's grant refused on DISAGREED, add/remove signer with
 * their refusals, and add-signer racing the last agreement.
 */
class CountersignRulesTest extends ApiTestBase {

    static final String OUTDOOR = "OUTDOOR-ADVERTISING";
    static final String LEAD = "shenjianguo";
    static final String SUPERVISOR = "zhengli";
    static final String PLANNING = "zhaolei";
    static final String TRAFFIC = "yaozhiqiang";
    static final String MARKET = "wangfang";

    static Map<String, Object> outdoorForm() {
        return Map.of("applicantName", "德清县莫干山文旅发展有限公司", "creditCode", "91330521MA29K7LX1A",
                "contactPhone", "13957231234", "siteAddress", "浙江省湖州市德清县武康街道英溪南路与余英街交叉口东北角",
                "facilityType", "PILLAR", "widthMetres", 6, "heightMetres", 4, "periodMonths", 24, "lighting", "NO",
                "contentSummary", "莫干山国际旅游度假区形象宣传（公益内容占比不低于百分之十）");
    }

    String submitOutdoor() {
        var response = submit("lina", OUTDOOR, outdoorForm(),
                Map.of("SITE_RIGHT", pdfBytes(), "DESIGN", pdfBytes(), "SAFETY", pdfBytes()));
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        String number = response.getBody().get("caseNumber").asText();
        actOk(LEAD, number, "acceptance", "ACCEPT", "材料齐全，予以受理");
        return number;
    }

    @Test
    void theWeightedVoteEndsOnceTheOutcomeIsFixedAndTheMarketBureauIsNotNeeded() {
        String number = submitOutdoor();
        assertThat(caseOf("lina", number).get("currentSteps")).hasSize(3);
        actOk(PLANNING, number, "jointReview", "AGREE", "符合户外广告设施设置规划");
        assertThat(caseOf("lina", number).get("currentSteps")).as("2/5 so far").hasSize(2);
        actOk(TRAFFIC, number, "jointReview", "AGREE", "不影响交通信号及视距");
        // 4/5 ≥ 2/3: settled; the market bureau's open task ended without its answer
        JsonNode steps = caseOf("lina", number).get("currentSteps");
        assertThat(steps).hasSize(1);
        assertThat(steps.get(0).get("stepKey").asText()).isEqualTo("decision");
        JsonNode notNeeded = only(history(number), "NOT_NEEDED");
        assertThat(notNeeded.get("department").asText()).isEqualTo("DQ-SCJG");
        assertThat(notNeeded.get("actor").asText()).isEqualTo("system");
        assertThat(as(MARKET).getForObject("/api/v1/tasks?caseNumber=" + number, JsonNode.class).get("items")).isEmpty();
        actOk(LEAD, number, "decision", "GRANT", "准予设置");
        assertThat(caseOf("lina", number).get("status").asText()).isEqualTo("GRANTED");
        assertThat(awaitLicence("lina", number).toString()).contains("HW330521");
    }

    @Test
    void aDisagreementThatMakesTwoThirdsImpossibleEndsTheVoteDisagreedAndTheLeadCannotGrant() {
        String number = submitOutdoor();
        actOk(PLANNING, number, "jointReview", "DISAGREE", "该点位不在设置规划范围内");
        // at most 3/5 can still agree: settled DISAGREED, both other departments not needed
        List<JsonNode> notNeeded = all(history(number), "NOT_NEEDED");
        assertThat(notNeeded).extracting(e -> e.get("department").asText()).containsExactlyInAnyOrder("DQ-JJ", "DQ-SCJG");
        String decision = taskOf(LEAD, number, "decision");
        assertThat(as(LEAD).getForObject("/api/v1/tasks/" + decision, JsonNode.class).get("allowedActions").toString())
                .contains("REFUSE").doesNotContain("GRANT");
        var grant = act(LEAD, decision, "GRANT", "准予", null);
        assertThat(grant.getStatusCode().value()).isEqualTo(409);
        assertThat(grant.getBody().get("code").asText()).isEqualTo("joint-review-not-agreed");
        actOk(LEAD, number, "decision", "REFUSE", "设置地点不符合规划");
        assertThat(caseOf("lina", number).get("status").asText()).isEqualTo("REFUSED");
    }

    @Test
    void anyWithVetoLetsTheFirstAnswerDecideAndAllWithVetoEndsAtTheFirstDisagreement() throws Exception {
        try {
            deployOutdoor("<tongban:countersign rule=\"ANY\" onDisagree=\"VETO\"/>", false);
            String agreed = submitOutdoor();
            actOk(TRAFFIC, agreed, "jointReview", "AGREE", "同意");
            assertThat(all(history(agreed), "NOT_NEEDED")).extracting(e -> e.get("department").asText())
                    .containsExactlyInAnyOrder("DQ-ZRZY", "DQ-SCJG");
            actOk(LEAD, agreed, "decision", "GRANT", "准予设置");
            String vetoed = submitOutdoor();
            actOk(MARKET, vetoed, "jointReview", "DISAGREE", "广告内容含有绝对化用语");
            assertThat(all(history(vetoed), "NOT_NEEDED")).hasSize(2);
            assertThat(act(LEAD, taskOf(LEAD, vetoed, "decision"), "GRANT", "准予", null).getStatusCode().value()).isEqualTo(409);

            deployOutdoor("<tongban:countersign rule=\"ALL\" onDisagree=\"VETO\"/>", false);
            String all = submitOutdoor();
            actOk(PLANNING, all, "jointReview", "AGREE", "同意");
            assertThat(caseOf("lina", all).get("currentSteps")).hasSize(2);
            actOk(TRAFFIC, all, "jointReview", "DISAGREE", "遮挡交通标志");
            assertThat(only(history(all), "NOT_NEEDED").get("department").asText()).isEqualTo("DQ-SCJG");
            assertThat(act(LEAD, taskOf(LEAD, all, "decision"), "GRANT", "准予", null).getBody().get("code").asText())
                    .isEqualTo("joint-review-not-agreed");
            String unanimous = submitOutdoor();
            for (String reviewer : List.of(PLANNING, TRAFFIC, MARKET)) {
                actOk(reviewer, unanimous, "jointReview", "AGREE", "同意");
            }
            assertThat(all(history(unanimous), "NOT_NEEDED")).isEmpty();
            actOk(LEAD, unanimous, "decision", "GRANT", "准予设置");
        } finally {
            restoreOutdoor();
        }
    }

    @Test
    void sequentialSignersAnswerInTheItemsOrderAndSignersGoBeforeOrAfterTheCurrentOne() throws Exception {
        try {
            deployOutdoor("<tongban:countersign rule=\"SEQUENTIAL\" onDisagree=\"VETO\"/>", true);
            String number = submitOutdoor();
            assertThat(departmentsNow(number)).containsExactly("DQ-ZRZY");
            String planningTask = taskOf(PLANNING, number, "jointReview");
            assertThat(signer(LEAD, planningTask, "add-signer", "DQ-STHJ", "PARALLEL").getBody().get("code").asText())
                    .isEqualTo("signer-position-not-allowed");
            // AFTER: 生态环境 signs right after 自然资源, before the traffic police
            assertThat(signer(LEAD, planningTask, "add-signer", "DQ-STHJ", "AFTER").getStatusCode().value()).isEqualTo(204);
            actOk(PLANNING, number, "jointReview", "AGREE", "符合规划");
            assertThat(departmentsNow(number)).containsExactly("DQ-STHJ");
            // BEFORE: 消防 signs before the current 生态环境, whose task comes back afterwards
            String ecologyTask = taskOf("zhoumin", number, "jointReview");
            assertThat(signer(LEAD, ecologyTask, "add-signer", "DQ-XF", "BEFORE").getStatusCode().value()).isEqualTo(204);
            assertThat(departmentsNow(number)).containsExactly("DQ-XF");
            actOk("sunqiang", number, "jointReview", "AGREE", "不涉及消防通道");
            assertThat(departmentsNow(number)).containsExactly("DQ-STHJ");
            // remove the current one: the next in order takes the turn
            String current = taskOf("zhoumin", number, "jointReview");
            assertThat(signer(LEAD, current, "remove-signer", "DQ-STHJ", null).getStatusCode().value()).isEqualTo(204);
            assertThat(departmentsNow(number)).containsExactly("DQ-JJ");
            actOk(TRAFFIC, number, "jointReview", "AGREE", "同意");
            assertThat(departmentsNow(number)).containsExactly("DQ-SCJG");
            String last = taskOf(MARKET, number, "jointReview");
            assertThat(signer(LEAD, last, "remove-signer", "DQ-SCJG", null).getBody().get("code").asText()).isEqualTo("last-signer");
            actOk(MARKET, number, "jointReview", "AGREE", "广告内容合法");
            assertThat(all(history(number), "NOT_NEEDED")).isEmpty();
            assertThat(all(history(number), "AGREE")).extracting(e -> e.get("department").asText())
                    .containsExactly("DQ-ZRZY", "DQ-XF", "DQ-JJ", "DQ-SCJG");
            actOk(LEAD, number, "decision", "GRANT", "准予设置");

            String vetoed = submitOutdoor();
            actOk(PLANNING, vetoed, "jointReview", "DISAGREE", "不符合规划");
            assertThat(all(history(vetoed), "NOT_NEEDED")).extracting(e -> e.get("department").asText())
                    .containsExactly("DQ-JJ", "DQ-SCJG");
            assertThat(departmentsNow(vetoed)).containsExactly("DQ-ZHZF");
        } finally {
            restoreOutdoor();
        }
    }

    @Test
    void theLeadAddsAndRemovesParallelSignersAndEveryRefusalSaysWhy() {
        String number = submitOutdoor();
        String planningTask = taskOf(PLANNING, number, "jointReview");
        // only the lead department, only its items: others get 404 as for a task they may not see
        assertThat(signer(PLANNING, planningTask, "add-signer", "DQ-STHJ", "PARALLEL").getStatusCode().value()).isEqualTo(404);
        assertThat(signer("chenjing", planningTask, "add-signer", "DQ-STHJ", "PARALLEL").getStatusCode().value()).isEqualTo(404);
        assertThat(signer(LEAD, "no-such-task", "add-signer", "DQ-STHJ", "PARALLEL").getStatusCode().value()).isEqualTo(404);
        assertThat(signer(LEAD, planningTask, "add-signer", "DQ-NOPE", "PARALLEL").getStatusCode().value()).isEqualTo(400);
        assertThat(signer(LEAD, planningTask, "add-signer", "DQ-STHJ", "SIDEWAYS").getStatusCode().value()).isEqualTo(400);
        var noReason = as(LEAD).exchange("/api/v1/tasks/" + planningTask + "/add-signer", HttpMethod.POST,
                new HttpEntity<>(Map.of("department", "DQ-STHJ", "position", "PARALLEL")), JsonNode.class);
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(signer(LEAD, planningTask, "add-signer", "DQ-SCJG", "PARALLEL").getBody().get("code").asText())
                .isEqualTo("signer-already-present");
        assertThat(signer(LEAD, planningTask, "add-signer", "DQ-STHJ", "BEFORE").getBody().get("code").asText())
                .isEqualTo("signer-position-not-allowed");

        assertThat(signer(LEAD, planningTask, "add-signer", "DQ-STHJ", "PARALLEL").getStatusCode().value()).isEqualTo(204);
        assertThat(departmentsNow(number)).containsExactlyInAnyOrder("DQ-ZRZY", "DQ-JJ", "DQ-SCJG", "DQ-STHJ");
        assertThat(only(history(number), "ADD_SIGNER").get("opinion").asText()).contains("DQ-STHJ", "PARALLEL", "原因");
        assertThat(signer(LEAD, planningTask, "remove-signer", "DQ-XF", null).getBody().get("code").asText())
                .isEqualTo("signer-not-present");
        assertThat(signer(LEAD, planningTask, "remove-signer", "DQ-SCJG", null).getStatusCode().value()).isEqualTo(204);
        assertThat(as(MARKET).getForObject("/api/v1/tasks?caseNumber=" + number, JsonNode.class).get("items")).isEmpty();
        assertThat(only(history(number), "REMOVE_SIGNER").get("department").asText()).isEqualTo("DQ-ZHZF");
        // the lead's panel follows: the added department is a row of the round, the removed one is not
        JsonNode round = as(LEAD).getForObject("/api/v1/cases/" + number + "/joint-review", JsonNode.class).at("/rounds/0/departments");
        assertThat(round.findValuesAsText("department")).containsExactly("DQ-ZRZY", "DQ-JJ", "DQ-STHJ");

        // weights 2 + 2 + 1 (the added department weighs 1): 2/5 after planning agreed
        actOk(PLANNING, number, "jointReview", "AGREE", "符合规划");
        String trafficTask = taskOf(TRAFFIC, number, "jointReview");
        assertThat(signer(LEAD, trafficTask, "remove-signer", "DQ-ZRZY", null).getBody().get("code").asText())
                .isEqualTo("signer-already-answered");
        actOk(TRAFFIC, number, "jointReview", "AGREE", "同意");
        assertThat(only(history(number), "NOT_NEEDED").get("department").asText()).isEqualTo("DQ-STHJ");
        String decision = taskOf(LEAD, number, "decision");
        assertThat(signer(LEAD, decision, "add-signer", "DQ-STHJ", "PARALLEL").getBody().get("code").asText())
                .isEqualTo("countersign-not-running");
        actOk(LEAD, number, "decision", "GRANT", "准予设置");
    }

    @Test
    void theLastPendingSignerCannotBeRemovedFromTheConstructionPermitsCollectingCountersign() {
        String number = submitConstruction("lina");
        actOk("chenjing", number, "acceptance", "ACCEPT", null);
        actOk("zhaolei", number, "jointReview", "AGREE", "同意");
        actOk("sunqiang", number, "jointReview", "DISAGREE", "消防车道宽度不足");
        String ecology = taskOf("zhoumin", number, "jointReview");
        assertThat(signer("chenjing", ecology, "remove-signer", "DQ-STHJ", null).getBody().get("code").asText()).isEqualTo("last-signer");
        actOk("zhoumin", number, "jointReview", "AGREE", "同意");
        assertThat(all(history(number), "NOT_NEEDED")).isEmpty();
        actOk("chenjing", number, "consolidation", "CONSOLIDATE", "消防部门不同意，其余部门同意");
        assertThat(act("chenjing", taskOf("chenjing", number, "decision"), "GRANT", "准予", null).getStatusCode().value()).isEqualTo(409);
    }

    /** 加签 against the last agreement: the step ends exactly once either way, no opinion is lost, never a 500. */
    @Test
    void addSignerRacingTheLastAgreementAdvancesTheCaseExactlyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                String number = submitConstruction("lina");
                actOk("chenjing", number, "acceptance", "ACCEPT", null);
                actOk("zhaolei", number, "jointReview", "AGREE", "同意");
                actOk("sunqiang", number, "jointReview", "AGREE", "同意");
                String last = taskOf("zhoumin", number, "jointReview");
                var start = new CountDownLatch(1);
                Future<ResponseEntity<JsonNode>> agree = pool.submit(() -> {
                    start.await();
                    return act("zhoumin", last, "AGREE", "同意", null);
                });
                Future<ResponseEntity<JsonNode>> add = pool.submit(() -> {
                    start.await();
                    return signer("chenjing", last, "add-signer", "DQ-SCJG", "PARALLEL");
                });
                start.countDown();
                var agreed = agree.get(60, TimeUnit.SECONDS);
                var added = add.get(60, TimeUnit.SECONDS);
                assertThat(agreed.getStatusCode().value()).as(String.valueOf(agreed.getBody())).isEqualTo(204);
                int addStatus = added.getStatusCode().value();
                assertThat(addStatus).as(String.valueOf(added.getBody())).isIn(204, 404, 409);
                if (addStatus == 204) {
                    // the market bureau joined before the last agreement: the step waits for it
                    assertThat(departmentsNow(number)).containsExactly("DQ-SCJG");
                    actOk("wangfang", number, "jointReview", "AGREE", "同意");
                } else {
                    assertThat(added.getBody().get("code").asText()).isIn("countersign-not-running", "task-not-found");
                }
                assertThat(departmentsNow(number)).containsExactly("DQ-ZJJ");
                assertThat(all(history(number), "AGREE")).hasSize(addStatus == 204 ? 4 : 3);
                assertThat(all(history(number), "ADD_SIGNER")).hasSize(addStatus == 204 ? 1 : 0);
                actOk("chenjing", number, "consolidation", "CONSOLIDATE", "各部门均同意");
                actOk("chenjing", number, "decision", "GRANT", "准予许可");
                assertThat(caseOf("lina", number).get("status").asText()).isEqualTo("GRANTED");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private ResponseEntity<JsonNode> signer(String user, String taskId, String operation, String department, String position) {
        var body = new HashMap<String, Object>();
        body.put("department", department);
        body.put("position", position);
        body.put("reason", "原因：需要该部门意见");
        return as(user).exchange("/api/v1/tasks/" + taskId + "/" + operation, HttpMethod.POST, new HttpEntity<>(body), JsonNode.class);
    }

    private List<String> departmentsNow(String number) {
        var departments = new ArrayList<String>();
        caseOf("lina", number).get("currentSteps").forEach(s -> s.get("departments").forEach(d -> departments.add(d.asText())));
        return departments;
    }

    private JsonNode history(String number) {
        // as a supervisor: the applicant's own view leaves out the staff's operations (NOT_NEEDED, ADD_SIGNER…)
        return as(SUPERVISOR).getForObject("/api/v1/cases/" + number + "/history", JsonNode.class);
    }

    private static List<JsonNode> all(JsonNode history, String action) {
        var found = new ArrayList<JsonNode>();
        history.forEach(e -> {
            if (action.equals(e.get("action").asText())) {
                found.add(e);
            }
        });
        return found;
    }

    private static JsonNode only(JsonNode history, String action) {
        List<JsonNode> found = all(history, action);
        assertThat(found).as(action + " in " + history).hasSize(1);
        return found.get(0);
    }

    static String shippedOutdoor() throws Exception {
        return new String(new ClassPathResource("content/process-definitions/outdoor-advertising/process.bpmn20.xml")
                .getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    /** A designer's version of the outdoor permit with another countersign declaration. */
    void deployOutdoor(String countersign, boolean sequential) throws Exception {
        String shipped = shippedOutdoor();
        String bpmn = shipped.substring(0, shipped.indexOf("<tongban:countersign")) + countersign
                + shipped.substring(shipped.indexOf("</tongban:countersign>") + "</tongban:countersign>".length());
        if (sequential) {
            bpmn = bpmn.replace("isSequential=\"false\"", "isSequential=\"true\"");
        }
        var response = deploy(bpmn);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    }

    /**
     * The shipped process as the newest version again. Marked with a comment: Flowable's duplicate filter compares with
     * the deployment it takes for the latest, and on MySQL two deployments in the same second tie, so the shipped
     * bytes themselves could be taken for a repeat of the first version and not deployed.
     */
    void restoreOutdoor() throws Exception {
        var restored = deploy(shippedOutdoor() + "<!-- restored " + System.nanoTime() + " -->\n");
        assertThat(restored.getStatusCode().value()).isEqualTo(201);
        assertThat(restored.getBody().get("latest").asBoolean()).isTrue();
    }

    ResponseEntity<JsonNode> deploy(String bpmn) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        return as("wujun").postForEntity("/api/v1/items/" + OUTDOOR + "/process-versions",
                new HttpEntity<>(bpmn.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
    }
}
