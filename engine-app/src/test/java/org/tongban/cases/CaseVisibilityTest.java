package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.flowable.engine.TaskService;
import org.flowable.identitylink.api.IdentityLinkInfo;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.tongban.support.ApiTestBase;

/**
 * Who sees a case (everyone else gets 404) and its open tasks, for every role in every case state. Visibility
 * comes from the case's departments, past and present: a colleague keeps sight of a case after another
 * colleague claimed or completed its step, and a department keeps sight of it after its own step is done.
 */
class CaseVisibilityTest extends ApiTestBase {

    // 食品经营许可: one department (DQ-SCJG) does every step.
    static final String APPLICANT = "zhangwei";
    static final String OTHER_APPLICANT = "lina";
    static final String APPROVER = "wangfang";
    static final String COLLEAGUE = "liuyang";
    static final String OTHER_DEPARTMENT = "chenjing";
    static final String REVIEWER = "zhaolei";
    static final String DESIGNER = "wujun";
    static final String SUPERVISOR = "zhengli";
    static final String ADMIN = "admin";
    static final List<String> FOOD_ROLES = List.of(APPLICANT, OTHER_APPLICANT, APPROVER, COLLEAGUE, OTHER_DEPARTMENT,
            REVIEWER, DESIGNER, SUPERVISOR, ADMIN);

    // 建筑工程施工许可: lead department DQ-ZJJ, joint review by DQ-ZRZY, DQ-XF, DQ-STHJ. Two test-only colleagues.
    static final String C_APPLICANT = "lina";
    static final String C_OTHER_APPLICANT = "zhangwei";
    static final String LEAD = "chenjing";
    static final String LEAD_COLLEAGUE = "test-zjj-hejun";
    static final String JOINT_REVIEWER = "zhaolei";
    static final String JOINT_COLLEAGUE = "test-zrzy-mali";
    static final String FIRE = "sunqiang";
    static final String ECOLOGY = "zhoumin";
    static final String UNINVOLVED = "wangfang";
    static final List<String> CONSTRUCTION_ROLES = List.of(C_APPLICANT, C_OTHER_APPLICANT, LEAD, LEAD_COLLEAGUE,
            JOINT_REVIEWER, JOINT_COLLEAGUE, FIRE, ECOLOGY, UNINVOLVED, DESIGNER, SUPERVISOR, ADMIN);

    static final Set<String> APPROVERS = Set.copyOf(List.of(APPROVER, COLLEAGUE, OTHER_DEPARTMENT, REVIEWER, LEAD,
            LEAD_COLLEAGUE, JOINT_REVIEWER, JOINT_COLLEAGUE, FIRE, ECOLOGY, UNINVOLVED));

    @Autowired
    TaskService taskService;

    @BeforeEach
    void colleagues() {
        addApprover(LEAD_COLLEAGUE, "何军", "DQ-ZJJ");
        addApprover(JOINT_COLLEAGUE, "马丽", "DQ-ZRZY");
    }

    @Test
    void singleDepartmentCaseInEveryState() {
        String number = submitFood(APPLICANT);
        Set<String> department = Set.of(APPLICANT, APPROVER, COLLEAGUE, SUPERVISOR, ADMIN);

        // submitted: both colleagues may take the acceptance task
        expect(number, FOOD_ROLES).seenBy(department)
                .task("acceptance@DQ-SCJG", Set.of(APPROVER, COLLEAGUE), Set.of(APPROVER, COLLEAGUE)).check();

        // submitted, claimed by one colleague: the other still sees the case and opens (not takes) the task
        String acceptance = taskOf(APPROVER, number, "acceptance");
        claim(APPROVER, acceptance, 200);
        expect(number, FOOD_ROLES).seenBy(department)
                .task("acceptance@DQ-SCJG", Set.of(APPROVER), Set.of(APPROVER, COLLEAGUE)).check();
        claim(COLLEAGUE, acceptance, 409);
        assertThat(act(COLLEAGUE, acceptance, "ACCEPT", null, null).getStatusCode().value()).isEqualTo(409);

        // correction requested: the applicant's task is nobody else's; the department keeps the case
        assertThat(act(APPROVER, acceptance, "REQUEST_CORRECTION", null, List.of("布局图未标明仓库位置"))
                .getStatusCode().value()).isEqualTo(204);
        expect(number, FOOD_ROLES).seenBy(department).check();
        resubmit(APPLICANT, number, "LAYOUT_PLAN");

        // accepted, under review: the review task claimed by the colleague who accepted
        actOk(APPROVER, number, "acceptance", "ACCEPT", "材料齐全，予以受理");
        String review = taskOf(APPROVER, number, "review");
        claim(APPROVER, review, 200);
        assertThat(caseOf(COLLEAGUE, number).get("status").asText()).isEqualTo("ACCEPTED");
        expect(number, FOOD_ROLES).seenBy(department)
                .task("review@DQ-SCJG", Set.of(APPROVER), Set.of(APPROVER, COLLEAGUE)).check();

        // the colleague works the next steps of a case the other one touched before
        actOk(APPROVER, number, "review", "AGREE", "符合条件");
        actOk(COLLEAGUE, number, "inspection", "AGREE", "现场核查符合要求");
        actOk(COLLEAGUE, number, "decision", "GRANT", "准予许可");
        assertThat(caseOf(APPLICANT, number).get("status").asText()).isEqualTo("GRANTED");
        expect(number, FOOD_ROLES).seenBy(department).check();

        String rejected = submitFood(APPLICANT);
        actOk(COLLEAGUE, rejected, "acceptance", "REJECT", "不属于本机关职权范围");
        assertThat(caseOf(APPLICANT, rejected).get("status").asText()).isEqualTo("REJECTED");
        expect(rejected, FOOD_ROLES).seenBy(department).check();
    }

    @Test
    void jointReviewCaseInEveryState() {
        String number = submitConstruction(C_APPLICANT);
        Set<String> lead = Set.of(C_APPLICANT, LEAD, LEAD_COLLEAGUE, SUPERVISOR, ADMIN);
        Set<String> all = Set.of(C_APPLICANT, LEAD, LEAD_COLLEAGUE, JOINT_REVIEWER, JOINT_COLLEAGUE, FIRE, ECOLOGY,
                SUPERVISOR, ADMIN);

        // submitted: only the lead department has a step so far
        expect(number, CONSTRUCTION_ROLES).seenBy(lead)
                .task("acceptance@DQ-ZJJ", Set.of(LEAD, LEAD_COLLEAGUE), Set.of(LEAD, LEAD_COLLEAGUE)).check();

        // correction requested after the lead approver claimed and completed acceptance
        claim(LEAD, taskOf(LEAD, number, "acceptance"), 200);
        assertThat(act(LEAD, taskOf(LEAD, number, "acceptance"), "REQUEST_CORRECTION", null, List.of("施工合同缺页"))
                .getStatusCode().value()).isEqualTo(204);
        expect(number, CONSTRUCTION_ROLES).seenBy(lead).check();
        resubmit(C_APPLICANT, number, "CONTRACT");
        expect(number, CONSTRUCTION_ROLES).seenBy(lead)
                .task("acceptance@DQ-ZJJ", Set.of(LEAD, LEAD_COLLEAGUE), Set.of(LEAD, LEAD_COLLEAGUE)).check();

        // accepted: each joint-review department now has a step, and only its own task
        actOk(LEAD, number, "acceptance", "ACCEPT", "材料齐全，予以受理");
        expect(number, CONSTRUCTION_ROLES).seenBy(all)
                .task("jointReview@DQ-ZRZY", Set.of(JOINT_REVIEWER, JOINT_COLLEAGUE), Set.of(JOINT_REVIEWER, JOINT_COLLEAGUE))
                .task("jointReview@DQ-XF", Set.of(FIRE), Set.of(FIRE))
                .task("jointReview@DQ-STHJ", Set.of(ECOLOGY), Set.of(ECOLOGY)).check();

        // joint review in progress: one department has answered (its task is gone, not its sight of the case),
        // another has claimed its task
        actOk(JOINT_REVIEWER, number, "jointReview", "AGREE", "符合国土空间规划");
        claim(FIRE, taskOf(FIRE, number, "jointReview"), 200);
        expect(number, CONSTRUCTION_ROLES).seenBy(all)
                .task("jointReview@DQ-XF", Set.of(FIRE), Set.of(FIRE))
                .task("jointReview@DQ-STHJ", Set.of(ECOLOGY), Set.of(ECOLOGY)).check();

        // the lead colleague who never touched the case decides it
        actOk(FIRE, number, "jointReview", "AGREE", "消防设计符合要求");
        actOk(ECOLOGY, number, "jointReview", "AGREE", "已取得环评批复");
        expect(number, CONSTRUCTION_ROLES).seenBy(all)
                .task("consolidation@DQ-ZJJ", Set.of(LEAD, LEAD_COLLEAGUE), Set.of(LEAD, LEAD_COLLEAGUE)).check();
        actOk(LEAD, number, "consolidation", "CONSOLIDATE", "各部门均同意");
        expect(number, CONSTRUCTION_ROLES).seenBy(all)
                .task("decision@DQ-ZJJ", Set.of(LEAD, LEAD_COLLEAGUE), Set.of(LEAD, LEAD_COLLEAGUE)).check();
        actOk(LEAD_COLLEAGUE, number, "decision", "GRANT", "准予许可");
        assertThat(caseOf(C_APPLICANT, number).get("status").asText()).isEqualTo("GRANTED");
        expect(number, CONSTRUCTION_ROLES).seenBy(all).check();
        assertThat(jdbc.queryForList("SELECT CONCAT(d.department, ':', d.role) FROM tb_case_department d "
                + "JOIN tb_case c ON c.id = d.case_id WHERE c.case_number = ? ORDER BY d.department", String.class, number))
                .containsExactly("DQ-STHJ:JOINT_REVIEW", "DQ-XF:JOINT_REVIEW", "DQ-ZJJ:LEAD", "DQ-ZRZY:JOINT_REVIEW");

        // rejected at acceptance: the joint-review departments never had a step, so never see it
        String rejected = submitConstruction(C_APPLICANT);
        actOk(LEAD_COLLEAGUE, rejected, "acceptance", "REJECT", "不属于本机关职权范围");
        assertThat(caseOf(C_APPLICANT, rejected).get("status").asText()).isEqualTo("REJECTED");
        expect(rejected, CONSTRUCTION_ROLES).seenBy(lead).check();
    }

    /** Engine history may be pruned or switched off (history level): it decides nothing about visibility. */
    @Test
    void visibilityDoesNotDependOnEngineHistory() {
        String number = submitFood(APPLICANT);
        actOk(APPROVER, number, "acceptance", "ACCEPT", null);
        actOk(APPROVER, number, "review", "AGREE", null);
        actOk(APPROVER, number, "inspection", "AGREE", null);
        actOk(APPROVER, number, "decision", "GRANT", null);
        String process = jdbc.queryForObject("SELECT process_instance_id FROM tb_case WHERE case_number = ?", String.class, number);
        jdbc.update("DELETE FROM ACT_HI_IDENTITYLINK WHERE TASK_ID_ IN (SELECT ID_ FROM ACT_HI_TASKINST WHERE PROC_INST_ID_ = ?)", process);
        jdbc.update("DELETE FROM ACT_HI_IDENTITYLINK WHERE PROC_INST_ID_ = ?", process);
        jdbc.update("DELETE FROM ACT_HI_TASKINST WHERE PROC_INST_ID_ = ?", process);
        expect(number, FOOD_ROLES).seenBy(Set.of(APPLICANT, APPROVER, COLLEAGUE, SUPERVISOR, ADMIN)).check();
    }

    // --- the matrix ---

    private Expectation expect(String caseNumber, List<String> roles) {
        return new Expectation(caseNumber, roles);
    }

    /** Expected visibility: who gets 200 on the case and its history, and per open approver task who lists and opens it. */
    private final class Expectation {
        private final String caseNumber;
        private final List<String> roles;
        private Set<String> seeing = Set.of();
        private final Map<String, Set<String>> listedFor = new LinkedHashMap<>();
        private final Map<String, Set<String>> openableBy = new LinkedHashMap<>();

        Expectation(String caseNumber, List<String> roles) {
            this.caseNumber = caseNumber;
            this.roles = roles;
        }

        Expectation seenBy(Set<String> users) {
            this.seeing = users;
            return this;
        }

        /** A task named stepKey@department; listed in the to-do of {@code listed}, detail 200 for {@code openable}. */
        Expectation task(String label, Set<String> listed, Set<String> openable) {
            listedFor.put(label, listed);
            openableBy.put(label, openable);
            return this;
        }

        void check() {
            Map<String, String> tasks = openApproverTasks(caseNumber);
            assertThat(tasks.keySet()).as("open approver tasks of " + caseNumber).isEqualTo(listedFor.keySet());
            var soft = new SoftAssertions();
            for (String user : roles) {
                int expected = seeing.contains(user) ? 200 : 404;
                soft.assertThat(status(user, "/api/v1/cases/" + caseNumber)).as(user + " GET case").isEqualTo(expected);
                soft.assertThat(status(user, "/api/v1/cases/" + caseNumber + "/history")).as(user + " GET history").isEqualTo(expected);
                if (!APPROVERS.contains(user)) {
                    soft.assertThat(status(user, "/api/v1/tasks")).as(user + " GET tasks").isEqualTo(403);
                    tasks.values().stream().findFirst().ifPresent(id -> soft.assertThat(status(user, "/api/v1/tasks/" + id))
                            .as(user + " GET task").isEqualTo(403));
                    continue;
                }
                Set<String> listed = new HashSet<>();
                for (JsonNode t : as(user).getForObject("/api/v1/tasks?size=100&caseNumber=" + caseNumber, JsonNode.class).get("items")) {
                    if (caseNumber.equals(t.path("caseNumber").asText())) {
                        listed.add(label(t.get("stepKey").asText(), t.get("departments")));
                    }
                }
                Set<String> expectedListed = new HashSet<>();
                listedFor.forEach((label, users) -> { if (users.contains(user)) expectedListed.add(label); });
                soft.assertThat(listed).as(user + " to-do for " + caseNumber).isEqualTo(expectedListed);
                tasks.forEach((label, id) -> {
                    var detail = as(user).getForEntity("/api/v1/tasks/" + id, JsonNode.class);
                    boolean openable = openableBy.get(label).contains(user);
                    soft.assertThat(detail.getStatusCode().value()).as(user + " GET task " + label).isEqualTo(openable ? 200 : 404);
                    if (openable) {
                        soft.assertThat(detail.getBody().at("/caseView/caseNumber").asText()).isEqualTo(caseNumber);
                    }
                });
            }
            soft.assertAll();
        }
    }

    /** The case's open approver tasks (not the applicant's correction), by stepKey@department, from the engine. */
    private Map<String, String> openApproverTasks(String caseNumber) {
        String process = jdbc.queryForObject("SELECT process_instance_id FROM tb_case WHERE case_number = ?", String.class, caseNumber);
        var tasks = new LinkedHashMap<String, String>();
        for (Task t : taskService.createTaskQuery().processInstanceId(process).includeIdentityLinks().list()) {
            if (!"correction".equals(t.getCategory())) {
                var groups = new ArrayList<String>();
                t.getIdentityLinks().stream().map(IdentityLinkInfo::getGroupId).filter(g -> g != null).forEach(groups::add);
                tasks.put(t.getTaskDefinitionKey() + "@" + String.join(",", groups), t.getId());
            }
        }
        return tasks;
    }

    private static String label(String stepKey, JsonNode departments) {
        var groups = new ArrayList<String>();
        departments.forEach(d -> groups.add(d.asText()));
        return stepKey + "@" + String.join(",", groups);
    }

    private int status(String user, String path) {
        return as(user).getForEntity(path, JsonNode.class).getStatusCode().value();
    }

    private void claim(String user, String taskId, int expected) {
        assertThat(as(user).postForEntity("/api/v1/tasks/" + taskId + "/claim", null, JsonNode.class)
                .getStatusCode().value()).as(user + " claims " + taskId).isEqualTo(expected);
    }

    private void resubmit(String applicant, String caseNumber, String material) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add(material, file(material + "-v2.pdf", pdfBytes()));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var response = as(applicant).exchange("/api/v1/cases/" + caseNumber + "/resubmission", HttpMethod.POST,
                new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
    }

    /** A test-only approver with the demo password (copied hash), added once per database. */
    private void addApprover(String username, String name, String department) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM tb_user WHERE username = ?", Integer.class, username) > 0) {
            return;
        }
        String hash = jdbc.queryForObject("SELECT password_hash FROM tb_user WHERE username = ?", String.class, APPROVER);
        jdbc.update("INSERT INTO tb_user (username, password_hash, display_name, enabled) VALUES (?, ?, ?, TRUE)", username, hash, name);
        jdbc.update("INSERT INTO tb_user_role (username, role) VALUES (?, 'APPROVER')", username);
        jdbc.update("INSERT INTO tb_user_department (username, department_code) VALUES (?, ?)", username, department);
    }
}
