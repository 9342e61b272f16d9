package org.tongban.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.cases.Cases;
import org.tongban.cases.MaterialUpload;
import org.tongban.identity.Directory;
import org.tongban.support.ApiTestBase;
import org.tongban.support.StatementCounter;
import org.tongban.support.TestDatabase;

/**
 * The to-do queue past 200 tasks: 500 open acceptance tasks of one department, paged through with size 100;
 * every task appears exactly once, totals and order hold, filters find exactly what they should, and the
 * task detail costs a handful of statements. The 500 cases are removed in {@code finally}.
 */
class QueuePagingTest extends ApiTestBase {

    private static final int CASES = 500;

    @Autowired
    Cases cases;
    @Autowired
    Directory directory;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;
    @Autowired
    SqlSessionFactory sqlSessions;
    @Autowired
    ProcessEngineConfigurationImpl engine;

    @Test
    void fiveHundredOpenTasksPageCompletelyAndFilterExactly() {
        var applicant = directory.find("zhangwei").orElseThrow().actor();
        long before = todo("wangfang", "kind=acceptance&claimed=false&size=1").get("total").asLong();
        List<String> numbers = new ArrayList<>();
        Instant started = Instant.now();
        try {
            for (int i = 0; i < CASES; i++) {
                numbers.add(cases.submit(applicant, FOOD, foodForm(), List.of(
                        new MaterialUpload("PREMISES_PROOF", "p.pdf", "application/pdf", pdfBytes()),
                        new MaterialUpload("LAYOUT_PLAN", "l.pdf", "application/pdf", pdfBytes()))).caseNumber());
            }
            System.out.println(CASES + " cases submitted in " + java.time.Duration.between(started, Instant.now()));
            long total = before + CASES;
            for (String sort : List.of("createdAt,asc", "createdAt,desc")) {
                Map<String, String> seen = new LinkedHashMap<>();
                List<Instant> created = new ArrayList<>();
                int pages = 0;
                for (int page = 0; ; page++) {
                    JsonNode result = todo("wangfang", "kind=acceptance&claimed=false&size=100&sort=" + sort + "&page=" + page);
                    assertThat(result.get("total").asLong()).isEqualTo(total);
                    assertThat(result.get("page").asInt()).isEqualTo(page);
                    assertThat(result.get("size").asInt()).isEqualTo(100);
                    if (result.get("items").isEmpty()) {
                        break;
                    }
                    pages++;
                    for (JsonNode t : result.get("items")) {
                        assertThat(seen.put(t.get("id").asText(), t.get("caseNumber").asText())).as("listed twice").isNull();
                        created.add(Instant.parse(t.get("createdAt").asText()));
                    }
                }
                assertThat(pages).isEqualTo((int) ((total + 99) / 100));
                assertThat(seen).hasSize((int) total);
                assertThat(seen.values()).containsAll(numbers);
                assertThat(new HashSet<>(seen.values())).hasSize(seen.size());
                var ordered = new ArrayList<>(created);
                ordered.sort(sort.endsWith("asc") ? java.util.Comparator.naturalOrder() : java.util.Comparator.reverseOrder());
                assertThat(created).as(sort).isEqualTo(ordered);
            }
            // the same page read twice is the same page (ties on createdAt broken by task id)
            assertThat(todo("wangfang", "kind=acceptance&size=100&page=2").get("items"))
                    .isEqualTo(todo("wangfang", "kind=acceptance&size=100&page=2").get("items"));
            // default page: 20 items
            assertThat(todo("wangfang", "").get("items")).hasSize(20);

            // caseNumber finds exactly its task; the case view names the same task
            String last = numbers.get(CASES - 1);
            JsonNode one = todo("wangfang", "caseNumber=" + last);
            assertThat(one.get("total").asLong()).isEqualTo(1);
            String task = one.at("/items/0/id").asText();
            assertThat(one.at("/items/0/caseNumber").asText()).isEqualTo(last);
            assertThat(caseOf("wangfang", last).at("/currentSteps/0/taskId").asText()).isEqualTo(task);
            assertThat(caseOf("zhangwei", last).at("/currentSteps/0/taskId").asText()).isEqualTo(task);
            assertThat(todo("wangfang", "caseNumber=" + last + "&kind=decision").get("total").asLong()).isZero();
            assertThat(todo("wangfang", "caseNumber=" + last + "&itemCode=" + CONSTRUCTION).get("total").asLong()).isZero();
            assertThat(todo("wangfang", "caseNumber=" + last + "&itemCode=" + FOOD).get("total").asLong()).isEqualTo(1);
            assertThat(todo("chenjing", "caseNumber=" + last).get("total").asLong()).isZero();
            assertThat(todo("wangfang", "itemCode=" + FOOD + "&size=1").get("total").asLong()).isGreaterThanOrEqualTo(CASES);

            // due dates: only the task given one is due before the day
            taskService.setDueDate(task, java.util.Date.from(Instant.parse("2030-01-01T00:00:00Z")));
            assertThat(todo("wangfang", "dueBefore=2030-01-02&caseNumber=" + last).get("total").asLong()).isEqualTo(1);
            assertThat(todo("wangfang", "dueBefore=2029-12-31T00:00:00Z&caseNumber=" + last).get("total").asLong()).isZero();
            assertThat(todo("wangfang", "dueBefore=2030-01-02&size=100").get("total").asLong()).isEqualTo(1);
            assertThat(todo("wangfang", "sort=dueDate,asc&kind=acceptance&size=1").at("/items/0/id").asText()).isEqualTo(task);

            // claimed: mine for the claimer, visible to a colleague only when asking for claimed tasks
            assertThat(as("wangfang").postForEntity("/api/v1/tasks/" + task + "/claim", null, JsonNode.class)
                    .getStatusCode().value()).isEqualTo(200);
            assertThat(todo("wangfang", "mine=true&size=100").findValuesAsText("id")).contains(task);
            assertThat(todo("wangfang", "claimed=true&caseNumber=" + last).get("total").asLong()).isEqualTo(1);
            assertThat(todo("wangfang", "claimed=false&caseNumber=" + last).get("total").asLong()).isZero();
            assertThat(todo("liuyang", "caseNumber=" + last).get("total").asLong()).isZero();
            assertThat(todo("liuyang", "claimed=true&caseNumber=" + last).at("/items/0/assignee").asText()).isEqualTo("wangfang");
            assertThat(todo("liuyang", "mine=true&caseNumber=" + last).get("total").asLong()).isZero();
            assertThat(todo("wangfang", "kind=acceptance&claimed=false&size=1").get("total").asLong()).isEqualTo(total - 1);

            // the task detail: one visibility check, one case read
            StatementCounter.installOn(sqlSessions.getConfiguration(), engine.getSqlSessionFactory().getConfiguration());
            long statements = Long.MAX_VALUE;
            long questions = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                long start = StatementCounter.prepared();
                long startQuestions = questions();
                assertThat(as("wangfang").getForEntity("/api/v1/tasks/" + task, JsonNode.class).getStatusCode().value()).isEqualTo(200);
                statements = Math.min(statements, StatementCounter.prepared() - start);
                questions = Math.min(questions, questions() - startQuestions - 1);
            }
            System.out.println("Task detail: " + statements + " statements through MyBatis"
                    + (TestDatabase.MYSQL ? ", " + questions + " MariaDB Questions" : ""));
            assertThat(statements).isLessThanOrEqualTo(6);
            // a page of 100, with its total and each task's departments, is one statement (TodoMapper)
            long page = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                long start = StatementCounter.prepared();
                assertThat(todo("wangfang", "size=100&page=3").get("items")).hasSize(100);
                page = Math.min(page, StatementCounter.prepared() - start);
            }
            System.out.println("To-do page of 100: " + page + " statements through MyBatis");
            assertThat(page).isEqualTo(1);
            assertThat(todo("wangfang", "size=100&page=3").get("items"))
                    .allSatisfy(t -> assertThat(t.get("departments").toString()).contains("DQ-SCJG"));

            // 已办: the step just done heads the approver's done list, read from the case's own history
            long doneBefore = as("wangfang").getForObject("/api/v1/tasks/done", JsonNode.class).get("total").asLong();
            assertThat(act("wangfang", task, "ACCEPT", "材料齐全", null).getStatusCode().value()).isEqualTo(204);
            JsonNode done = as("wangfang").getForObject("/api/v1/tasks/done?size=1", JsonNode.class);
            assertThat(done.get("total").asLong()).isEqualTo(doneBefore + 1);
            assertThat(done.at("/items/0/caseNumber").asText()).isEqualTo(last);
            assertThat(done.at("/items/0/action").asText()).isEqualTo("ACCEPT");
            assertThat(done.at("/items/0/opinion").asText()).isEqualTo("材料齐全");
            assertThat(done.at("/items/0/department").asText()).isEqualTo("DQ-SCJG");
            assertThat(as("wangfang").getForObject("/api/v1/tasks/done?page=" + (doneBefore + 1) + "&size=1", JsonNode.class)
                    .get("items")).isEmpty();
        } finally {
            remove(numbers);
        }
        assertThat(todo("wangfang", "kind=acceptance&claimed=false&size=1").get("total").asLong()).isEqualTo(before);
    }

    @Test
    void badQueueParametersAreFieldProblems() {
        Map<String, String> bad = Map.of("size=101", "too-large", "size=0", "too-small", "size=ten", "not-a-number",
                "page=-1", "too-small", "page=99999999999", "too-large", "kind=correction", "not-an-option",
                "claimed=maybe", "not-an-option", "mine=yes", "not-an-option", "dueBefore=tomorrow", "bad-format",
                "sort=name", "not-an-option");
        bad.forEach((query, code) -> {
            var response = as("wangfang").getForEntity("/api/v1/tasks?" + query, JsonNode.class);
            assertThat(response.getStatusCode().value()).as(query).isEqualTo(400);
            String field = query.substring(0, query.indexOf('='));
            assertThat(response.getBody().at("/errors/0/field").asText()).as(query).isEqualTo(field);
            assertThat(response.getBody().at("/errors/0/code").asText()).as(query).isEqualTo(code);
            assertThat(response.getBody().at("/errors/0/messages/zh-CN").asText()).as(query).isNotBlank().doesNotContain("{");
            assertThat(response.getBody().at("/errors/0/messages/en").asText()).as(query).isNotBlank().doesNotContain("{");
        });
        var many = as("wangfang").getForEntity("/api/v1/tasks?size=500&kind=x&caseNumber=" + "9".repeat(65), JsonNode.class);
        assertThat(many.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("size", "kind", "caseNumber");
        assertThat(as("wangfang").getForEntity("/api/v1/tasks/done?size=101", JsonNode.class).getStatusCode().value()).isEqualTo(400);
        JsonNode done = as("wangfang").getForObject("/api/v1/tasks/done?size=1", JsonNode.class);
        assertThat(done.get("items").size()).isLessThanOrEqualTo(1);
        assertThat(done.get("size").asInt()).isEqualTo(1);
    }

    private JsonNode todo(String approver, String query) {
        var response = as(approver).getForEntity("/api/v1/tasks?" + query, JsonNode.class);
        assertThat(response.getStatusCode().value()).as(query + ": " + response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    /** MariaDB's count of statements received, this one included; 0 on H2. */
    private long questions() {
        return TestDatabase.MYSQL
                ? Long.parseLong(jdbc.queryForMap("SHOW GLOBAL STATUS LIKE 'Questions'").get("Value").toString()) : 0;
    }

    private void remove(List<String> numbers) {
        for (String number : numbers) {
            var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
            if (instance != null) {
                runtime.deleteProcessInstance(instance.getId(), "test cleanup");
            }
            Long id = jdbc.queryForObject("SELECT id FROM tb_case WHERE case_number = ?", Long.class, number);
            for (String table : List.of("tb_material", "tb_case_event", "tb_case_department")) {
                jdbc.update("DELETE FROM " + table + " WHERE case_id = ?", id);
            }
            jdbc.update("DELETE FROM tb_case WHERE id = ?", id);
        }
    }
}
