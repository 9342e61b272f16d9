package org.tongban.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.flowable.engine.TaskService;
import org.flowable.task.api.TaskQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.tongban.support.ApiTestBase;
import org.tongban.workflow.TaskCriteria;
import org.tongban.workflow.WorkTask;
import org.tongban.workflow.WorkTasks;

/** What the to-do SQL and the in-command completion must keep: TaskQuery's answers, quiet refusals, large submissions (from the review of decisions 19-21). */
@ExtendWith(OutputCaptureExtension.class)
class QueueAndCompletionContractTest extends ApiTestBase {

    @Autowired
    WorkTasks workTasks;
    @Autowired
    TaskService engineTasks;

    /** The to-do SQL answers exactly what Flowable's TaskQuery (the code it replaced) answered. */
    @Test
    void todoSqlMatchesTheTaskQueryItReplaced() {
        for (int i = 0; i < 3; i++) {
            submitFood("zhangwei");
            submitConstruction("lina");
        }
        String claimed = submitFood("zhangwei");
        as("liuyang").postForEntity("/api/v1/tasks/" + taskOf("liuyang", claimed, "acceptance") + "/claim", null, String.class);
        List<String> approverCategories = TaskFilter.APPROVER_KINDS.stream().map(k -> k.category()).toList();
        for (String user : List.of("wangfang", "liuyang", "chenjing", "zhaolei")) {
            List<String> groups = switch (user) {
                case "wangfang", "liuyang" -> List.of("DQ-SCJG");
                case "chenjing" -> List.of("DQ-ZJJ");
                default -> List.of("DQ-ZRZY");
            };
            for (List<String> g : List.of(groups, List.<String>of())) {
                for (Boolean claimedFilter : Arrays.asList(null, true, false)) {
                    for (TaskCriteria.Order order : TaskCriteria.Order.values()) {
                        for (int first : List.of(0, 2, 50)) {
                            var c = new TaskCriteria(user, g, Boolean.TRUE.equals(claimedFilter), claimedFilter,
                                    approverCategories, null, null, null, order, first, 3);
                            assertSame(c);
                        }
                    }
                }
            }
            assertSame(new TaskCriteria(user, groups, false, null, approverCategories, claimed, null, null,
                    TaskCriteria.Order.CREATED_ASC, 0, 20));
            // an approver of two departments (a task of both counts once), a deadline filter, one kind of step
            for (TaskCriteria.Order order : TaskCriteria.Order.values()) {
                for (Boolean claimedFilter : Arrays.asList(null, true, false)) {
                    assertSame(new TaskCriteria(user, List.of("DQ-SCJG", "DQ-ZJJ", "DQ-ZRZY"), Boolean.TRUE.equals(claimedFilter),
                            claimedFilter, approverCategories, null, null, null, order, 1, 4));
                }
                assertSame(new TaskCriteria(user, groups, false, null, approverCategories, null, null,
                        java.time.Instant.now().plus(java.time.Duration.ofDays(30)), order, 0, 20));
                assertSame(new TaskCriteria(user, groups, true, null, List.of("acceptance"), null, null, null, order, 0, 20));
            }
            assertSame(new TaskCriteria(user, groups, false, null, approverCategories, null, CONSTRUCTION, null,
                    TaskCriteria.Order.DUE_DESC, 0, 20));
        }
    }

    private void assertSame(TaskCriteria c) {
        var page = workTasks.todo(c);
        TaskQuery query = engineTasks.createTaskQuery();
        // the tasks I hold, those I delegated (owner), and my departments' (unclaimed, or all)
        if (c.candidateGroups().isEmpty()) {
            query.or().taskAssignee(c.assignee()).taskOwner(c.assignee()).endOr();
        } else if (c.includeClaimedByOthers()) {
            query.or().taskAssignee(c.assignee()).taskOwner(c.assignee()).taskCandidateGroupIn(c.candidateGroups())
                    .ignoreAssigneeValue().endOr();
        } else {
            query.or().taskAssignee(c.assignee()).taskOwner(c.assignee()).taskCandidateGroupIn(c.candidateGroups()).endOr();
        }
        if (c.claimed() != null) {
            if (c.claimed()) {
                query.taskAssigned();
            } else {
                query.taskUnassigned();
            }
        }
        query.taskCategoryIn(c.categories());
        if (c.caseNumber() != null) {
            query.processInstanceBusinessKey(c.caseNumber());
        }
        if (c.itemCode() != null) {
            query.processVariableValueEquals("itemCode", c.itemCode());
        }
        if (c.dueBefore() != null) {
            query.taskDueBefore(Date.from(c.dueBefore()));
        }
        long total = query.count();
        switch (c.order()) {
            case CREATED_ASC -> query.orderByTaskCreateTime().asc();
            case CREATED_DESC -> query.orderByTaskCreateTime().desc();
            case DUE_ASC -> query.orderByDueDateNullsLast().asc();
            case DUE_DESC -> query.orderByDueDateNullsLast().desc();
        }
        var expected = query.orderByTaskId().asc().includeIdentityLinks().listPage(c.firstResult(), c.maxResults());
        assertThat(page.total()).as(c.toString()).isEqualTo(total);
        assertThat(page.items().stream().map(WorkTask::id).toList()).as(c.toString())
                .isEqualTo(expected.stream().map(t -> t.getId()).toList());
        for (int i = 0; i < expected.size(); i++) {
            var groups = new ArrayList<String>();
            expected.get(i).getIdentityLinks().stream().filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
                    .forEach(l -> groups.add(l.getGroupId()));
            assertThat(page.items().get(i).departments()).containsExactlyInAnyOrderElementsOf(groups);
        }
    }

    /**
     * A refusal (400/409) of a completion is an ordinary answer, not a server error: since the checks run inside
     * the engine command, Flowable's CommandContext logs every one of them at ERROR with its stack trace.
     */
    @Test
    void refusedCompletionIsNotLoggedAsAnEngineError(CapturedOutput output) {
        String number = submitFood("zhangwei");
        String task = taskOf("wangfang", number, "acceptance");
        int before = output.getAll().length();
        var wrongAction = act("wangfang", task, "GRANT", null, null);
        assertThat(wrongAction.getStatusCode().value()).isEqualTo(400);
        as("liuyang").exchange("/api/v1/tasks/" + task + "/claim", HttpMethod.POST, null, String.class);
        var claimedByOther = act("wangfang", task, "ACCEPT", null, null);
        assertThat(claimedByOther.getStatusCode().value()).isEqualTo(409);
        assertThat(output.getAll().substring(before)).doesNotContain("Error while closing command context");
    }

    /**
     * Materials within the upload limits (10 MB a file, 40 MB a request) are stored. Connector/J sends a blob
     * hex-encoded, so the files go one statement each (3 x 6 MB in one INSERT was a 37.7 MB packet, refused by
     * MariaDB's default max_allowed_packet of 16 MB), and one file at the limit needs the server setting
     * docs/operations.md asks for (TestDatabase sets it).
     */
    @Test
    void submissionWithinTheUploadLimitsIsStored() {
        byte[] big = new byte[6 * 1024 * 1024];
        Arrays.fill(big, (byte) 'A');
        byte[] pdf = pdfBytes();
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        var response = submit("lina", CONSTRUCTION, constructionForm(),
                Map.of("PLANNING_PERMIT", big, "CONTRACT", big, "DRAWINGS_REVIEW", big));
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);

        byte[] atLimit = new byte[10 * 1024 * 1024 - 4096];
        Arrays.fill(atLimit, (byte) 'B');
        System.arraycopy(pdf, 0, atLimit, 0, pdf.length);
        var largest = submit("lina", CONSTRUCTION, constructionForm(),
                Map.of("PLANNING_PERMIT", atLimit, "CONTRACT", pdf, "DRAWINGS_REVIEW", pdf));
        assertThat(largest.getStatusCode().value()).as(String.valueOf(largest.getBody())).isEqualTo(201);
        String number = largest.getBody().get("caseNumber").asText();
        assertThat(jdbc.queryForObject("SELECT MAX(size_bytes) FROM tb_material m JOIN tb_case c ON c.id = m.case_id "
                + "WHERE c.case_number = ?", Long.class, number)).isEqualTo((long) atLimit.length);
    }
}
