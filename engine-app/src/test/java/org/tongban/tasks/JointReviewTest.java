package org.tongban.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.support.ApiTestBase;

/** 建筑工程施工许可: the lead accepts, three departments review in parallel (会签), the lead decides. */
class JointReviewTest extends ApiTestBase {

    static final Map<String, String> REVIEWERS = Map.of("zhaolei", "DQ-ZRZY", "sunqiang", "DQ-XF", "zhoumin", "DQ-STHJ");

    @Autowired
    TaskService taskService;

    @Test
    void everyDepartmentSeesOnlyItsOwnReviewAndAllMustAgreeBeforeTheLeadGrants() throws Exception {
        String number = submitConstruction("lina");
        assertThat(as("zhaolei").getForObject("/api/v1/tasks?caseNumber=" + number, JsonNode.class).get("items").findValuesAsText("caseNumber")).doesNotContain(number);
        actOk("chenjing", number, "acceptance", "ACCEPT", "材料齐全，予以受理");

        JsonNode steps = caseOf("lina", number).get("currentSteps");
        assertThat(steps).hasSize(3);
        assertThat(steps.toString()).contains("DQ-ZRZY", "DQ-XF", "DQ-STHJ");
        for (var reviewer : REVIEWERS.entrySet()) {
            JsonNode todo = as(reviewer.getKey()).getForObject("/api/v1/tasks?caseNumber=" + number, JsonNode.class).get("items");
            List<JsonNode> mine = new ArrayList<>();
            todo.forEach(t -> { if (number.equals(t.path("caseNumber").asText())) mine.add(t); });
            assertThat(mine).hasSize(1);
            assertThat(mine.get(0).get("departments").get(0).asText()).isEqualTo(reviewer.getValue());
        }
        // a reviewer cannot open or complete another department's task
        String fireTask = taskOf("sunqiang", number, "jointReview");
        assertThat(as("zhaolei").getForEntity("/api/v1/tasks/" + fireTask, JsonNode.class).getStatusCode().value()).isEqualTo(404);
        assertThat(act("zhaolei", fireTask, "AGREE", null, null).getStatusCode().value()).isEqualTo(404);
        // the task detail shows the case, its form data and materials to the department that holds it
        JsonNode detail = as("sunqiang").getForObject("/api/v1/tasks/" + fireTask, JsonNode.class);
        assertThat(detail.at("/caseView/formData/projectName").asText()).contains("人才公寓");
        assertThat(detail.at("/caseView/materials")).hasSize(3);
        assertThat(detail.get("allowedActions").toString()).contains("AGREE", "DISAGREE");

        actOk("zhaolei", number, "jointReview", "AGREE", "符合国土空间规划");
        actOk("sunqiang", number, "jointReview", "DISAGREE", "消防车道宽度不足4米");
        actOk("zhoumin", number, "jointReview", "AGREE", "已取得环评批复");
        actOk("chenjing", number, "consolidation", "CONSOLIDATE", "消防部门不同意，其余部门同意");

        String decision = taskOf("chenjing", number, "decision");
        // the task page offers only what the API accepts: no GRANT while the countersign rule is not met
        assertThat(as("chenjing").getForObject("/api/v1/tasks/" + decision, JsonNode.class).get("allowedActions").toString())
                .contains("REFUSE").doesNotContain("GRANT");
        var grant = act("chenjing", decision, "GRANT", "准予许可", null);
        assertThat(grant.getStatusCode().value()).isEqualTo(409);
        assertThat(grant.getBody().get("code").asText()).isEqualTo("joint-review-not-agreed");
        assertThat(caseOf("lina", number).get("status").asText()).isEqualTo("ACCEPTED");
        actOk("chenjing", number, "decision", "REFUSE", "消防审查意见为不同意");
        assertThat(caseOf("lina", number).get("status").asText()).isEqualTo("REFUSED");
    }

    @Test
    void departmentsCompletingAtTheSameMomentAdvanceTheCaseExactlyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 5; round++) {
                String number = submitConstruction("lina");
                actOk("chenjing", number, "acceptance", "ACCEPT", null);
                var tasks = REVIEWERS.keySet().stream().map(r -> Map.entry(r, taskOf(r, number, "jointReview"))).toList();
                var start = new CountDownLatch(1);
                List<Future<Integer>> results = new ArrayList<>();
                for (var t : tasks) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return act(t.getKey(), t.getValue(), "AGREE", "同意", null).getStatusCode().value();
                    }));
                }
                start.countDown();
                for (Future<Integer> r : results) {
                    assertThat(r.get(60, TimeUnit.SECONDS)).isEqualTo(204);
                }
                String pid = jdbc.queryForObject("SELECT process_instance_id FROM tb_case WHERE case_number = ?", String.class, number);
                awaitStep(pid, "consolidation");
                assertThat(taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey("consolidation").count()).isEqualTo(1);
                assertThat(taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey("jointReview").count()).isZero();
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_case_event e JOIN tb_case c ON c.id = e.case_id "
                        + "WHERE c.case_number = ? AND e.action = 'AGREE'", Integer.class, number)).isEqualTo(3);
                actOk("chenjing", number, "consolidation", "CONSOLIDATE", "各部门均同意");
                actOk("chenjing", number, "decision", "GRANT", "准予许可");
                assertThat(caseOf("lina", number).get("status").asText()).isEqualTo("GRANTED");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The engine may leave a parallel multi-instance through an async job; wait for the next step (bounded). */
    private void awaitStep(String pid, String stepKey) throws InterruptedException {
        for (int i = 0; i < 100 && taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(stepKey).count() == 0; i++) {
            Thread.sleep(100);
        }
    }
}
