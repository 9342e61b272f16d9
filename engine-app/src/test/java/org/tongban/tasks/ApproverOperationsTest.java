package org.tongban.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import org.tongban.support.ApiTestBase;

/**
 * The approver operations of issue 8 §3 over HTTP: claim/unclaim, transfer, delegate/resolve/take back, urge and
 * CC — each one's happy path, its refusals (wrong person, wrong state, another department's task), its history
 * entry, the to-do lists of the people involved, and races between colleagues.
 */
class ApproverOperationsTest extends ApiTestBase {

    // ---- claim / unclaim ----

    @Test
    void onlyTheAssigneeUnclaimsAndEveryClaimIsInTheHistory() {
        String number = submitFood("zhangwei");
        String task = taskOf("wangfang", number, "acceptance");
        assertThat(operations("wangfang", task)).containsExactly("claim", "complete", "transfer", "cc", "return");

        assertConflict(op("wangfang", task, "unclaim", Map.of()), "task-not-claimed");
        assertThat(op("wangfang", task, "claim", null).getStatusCode().value()).isEqualTo(200);
        assertThat(op("wangfang", task, "claim", null).getBody().get("assignee").asText()).as("again: no change").isEqualTo("wangfang");
        assertConflict(op("liuyang", task, "claim", null), "task-claimed-by-other");
        assertConflict(op("liuyang", task, "unclaim", Map.of()), "task-claimed-by-other");
        assertThat(operations("wangfang", task)).containsExactly("unclaim", "complete", "transfer", "delegate", "cc", "return");
        assertThat(operations("liuyang", task)).containsExactly("cc");

        var unclaimed = op("wangfang", task, "unclaim", Map.of("reason", "今日外出检查"));
        assertThat(unclaimed.getStatusCode().value()).as(String.valueOf(unclaimed.getBody())).isEqualTo(200);
        assertThat(unclaimed.getBody().has("assignee")).isFalse();
        assertThat(op("liuyang", task, "claim", null).getBody().get("assignee").asText()).isEqualTo("liuyang");

        List<JsonNode> ops = events(number, "CLAIM", "UNCLAIM");
        assertThat(ops).extracting(e -> e.get("action").asText() + " " + e.get("actor").asText())
                .containsExactly("CLAIM wangfang", "UNCLAIM wangfang", "CLAIM liuyang");
        assertThat(ops.get(1).get("opinion").asText()).isEqualTo("今日外出检查");
        assertThat(ops.get(1).get("department").asText()).isEqualTo("DQ-SCJG");
        assertThat(ops.get(1).get("stepKey").asText()).isEqualTo("acceptance");
        // operations are not done steps
        assertThat(as("wangfang").getForObject("/api/v1/tasks/done?size=100", JsonNode.class).get("items").findValuesAsText("action"))
                .doesNotContain("CLAIM", "UNCLAIM");
    }

    @Test
    void anotherDepartmentsTaskIsNotFoundForEveryOperation() {
        String number = submitFood("zhangwei");
        String task = taskOf("wangfang", number, "acceptance");
        for (String operation : List.of("claim", "unclaim", "transfer", "delegate", "resolve", "take-back", "cc")) {
            Map<String, Object> body = Map.of("to", operation.equals("cc") ? List.of("zhengli") : "huangli",
                    "reason", "试试", "opinion", "试试");
            assertThat(op("chenjing", task, operation, body).getStatusCode().value()).as(operation).isEqualTo(404);
            assertThat(op("chenjing", "no-such-task", operation, body).getStatusCode().value()).as(operation).isEqualTo(404);
        }
        assertThat(events(number, "CLAIM", "UNCLAIM", "TRANSFER", "DELEGATE", "RESOLVE", "TAKE_BACK", "CC")).isEmpty();
    }

    // ---- transfer ----

    @Test
    void theAssigneeTransfersToAColleagueOfTheTasksDepartments() {
        String number = submitConstruction("lina");
        String task = taskOf("chenjing", number, "acceptance");
        // the picker offers the department's other enabled approvers; another department gets 404
        JsonNode colleagues = as("chenjing").getForObject("/api/v1/tasks/" + task + "/colleagues", JsonNode.class);
        // (other tests may add approvers to the department in the shared database)
        assertThat(colleagues.findValuesAsText("username")).contains("huangli").doesNotContain("chenjing", "zhaolei", "lina");
        assertThat(colleagues.findValuesAsText("name")).contains("黄丽");
        assertThat(as("zhaolei").getForEntity("/api/v1/tasks/" + task + "/colleagues", JsonNode.class).getStatusCode().value())
                .isEqualTo(404);

        assertField(op("chenjing", task, "transfer", Map.of("to", "huangli")), "reason", "required");
        assertField(op("chenjing", task, "transfer", Map.of("to", "zhaolei", "reason", "请黄丽办理")), "to", "not-an-approver-of-task");
        assertField(op("chenjing", task, "transfer", Map.of("to", "chenjing", "reason", "请黄丽办理")), "to", "not-yourself");
        assertField(op("chenjing", task, "transfer", Map.of("to", "nobody", "reason", "请黄丽办理")), "to", "not-an-approver-of-task");
        assertField(op("chenjing", task, "transfer", Map.of("to", "lina", "reason", "请黄丽办理")), "to", "not-an-approver-of-task");

        // an unclaimed task: any candidate may transfer it
        var moved = op("chenjing", task, "transfer", Map.of("to", "huangli", "reason", "陈静出差，由黄丽受理"));
        assertThat(moved.getStatusCode().value()).as(String.valueOf(moved.getBody())).isEqualTo(200);
        assertThat(moved.getBody().get("assignee").asText()).isEqualTo("huangli");
        assertConflict(op("chenjing", task, "transfer", Map.of("to", "chenjing", "reason", "拿回来")), "task-claimed-by-other");
        assertConflict(act("chenjing", task, "ACCEPT", null, null), "task-claimed-by-other");
        assertThat(todoItem("huangli", number).get("assignee").asText()).isEqualTo("huangli");

        JsonNode transfer = events(number, "TRANSFER").get(0);
        assertThat(transfer.get("actor").asText()).isEqualTo("chenjing");
        assertThat(transfer.get("target").asText()).isEqualTo("huangli");
        assertThat(transfer.get("opinion").asText()).isEqualTo("陈静出差，由黄丽受理");

        // the new assignee may hand it back, then works it
        assertThat(op("huangli", task, "transfer", Map.of("to", "chenjing", "reason", "已回岗")).getStatusCode().value()).isEqualTo(200);
        assertThat(act("chenjing", task, "ACCEPT", null, null).getStatusCode().value()).isEqualTo(204);
    }

    // ---- delegate / resolve / take back ----

    @Test
    void aDelegateAnswersAndTheOwnerCompletes() {
        String number = submitFood("zhangwei");
        String task = taskOf("wangfang", number, "acceptance");
        assertConflict(op("wangfang", task, "delegate", Map.of("to", "liuyang", "reason", "请协助核查")), "task-not-claimed");
        op("wangfang", task, "claim", null);
        assertField(op("wangfang", task, "delegate", Map.of("to", "wangfang", "reason", "自己")), "to", "not-yourself");
        assertField(op("wangfang", task, "delegate", Map.of("to", "chenjing", "reason", "跨部门")), "to", "not-an-approver-of-task");
        assertField(op("wangfang", task, "delegate", Map.of("to", "liuyang")), "reason", "required");
        assertConflict(op("liuyang", task, "delegate", Map.of("to", "wangfang", "reason", "不是我的")), "task-claimed-by-other");
        assertConflict(op("wangfang", task, "resolve", Map.of("opinion", "没有委派")), "not-delegated");

        var delegated = op("wangfang", task, "delegate", Map.of("to", "liuyang", "reason", "请协助核查经营场所证明"));
        assertThat(delegated.getStatusCode().value()).as(String.valueOf(delegated.getBody())).isEqualTo(200);
        assertThat(delegated.getBody().get("assignee").asText()).isEqualTo("liuyang");
        assertThat(delegated.getBody().get("owner").asText()).isEqualTo("wangfang");
        assertThat(delegated.getBody().get("delegated").asBoolean()).isTrue();

        // both see it in their to-do lists: the delegate works it, the owner waits
        assertThat(todoItem("liuyang", number).get("delegated").asBoolean()).isTrue();
        assertThat(todoItem("wangfang", number).get("owner").asText()).isEqualTo("wangfang");
        assertThat(mine("liuyang", number)).isEqualTo(1);
        assertThat(mine("wangfang", number)).as("the owner's own list").isEqualTo(1);
        assertThat(operations("liuyang", task)).containsExactly("resolve", "cc");
        assertThat(operations("wangfang", task)).containsExactly("take-back", "cc");
        assertThat(caseOf("liuyang", number).get("caseNumber").asText()).isEqualTo(number);

        assertConflict(act("liuyang", task, "ACCEPT", null, null), "task-delegated");
        assertConflict(act("wangfang", task, "ACCEPT", null, null), "delegation-pending");
        assertConflict(op("wangfang", task, "resolve", Map.of("opinion", "我来答复")), "not-the-delegate");
        assertConflict(op("liuyang", task, "take-back", Map.of("reason", "我来收回")), "not-the-owner");
        assertConflict(op("wangfang", task, "unclaim", Map.of()), "delegation-pending");
        assertConflict(op("wangfang", task, "delegate", Map.of("to", "liuyang", "reason", "再次")), "delegation-pending");
        assertConflict(op("wangfang", task, "transfer", Map.of("to", "liuyang", "reason", "转走")), "delegation-pending");
        assertConflict(op("liuyang", task, "transfer", Map.of("to", "wangfang", "reason", "转走")), "task-delegated");
        assertField(op("liuyang", task, "resolve", Map.of()), "opinion", "required");

        var resolved = op("liuyang", task, "resolve", Map.of("opinion", "经营场所证明与现场一致"));
        assertThat(resolved.getStatusCode().value()).as(String.valueOf(resolved.getBody())).isEqualTo(200);
        assertThat(resolved.getBody().get("assignee").asText()).isEqualTo("wangfang");
        assertThat(resolved.getBody().get("delegated").asBoolean()).isFalse();
        assertThat(mine("liuyang", number)).isZero();
        assertThat(mine("wangfang", number)).isEqualTo(1);
        assertConflict(op("liuyang", task, "resolve", Map.of("opinion", "再答复")), "not-delegated");
        assertConflict(op("wangfang", task, "take-back", Map.of("reason", "收回")), "not-delegated");

        assertThat(act("wangfang", task, "ACCEPT", null, null).getStatusCode().value()).isEqualTo(204);
        assertThat(events(number, "CLAIM", "DELEGATE", "RESOLVE", "ACCEPT"))
                .extracting(e -> e.get("action").asText() + " " + e.get("actor").asText() + " " + e.path("target").asText())
                .containsExactly("CLAIM wangfang ", "DELEGATE wangfang liuyang", "RESOLVE liuyang wangfang", "ACCEPT wangfang ");
        assertThat(events(number, "RESOLVE").get(0).get("opinion").asText()).isEqualTo("经营场所证明与现场一致");
        assertThat(as("liuyang").getForObject("/api/v1/tasks/done?size=100", JsonNode.class).get("items").toString())
                .as("the delegate's answer is their done work").contains(number);
    }

    @Test
    void theOwnerTakesAPendingDelegationBack() {
        String number = submitFood("zhangwei");
        String task = taskOf("wangfang", number, "acceptance");
        op("wangfang", task, "claim", null);
        op("wangfang", task, "delegate", Map.of("to", "liuyang", "reason", "请协助"));
        assertField(op("wangfang", task, "take-back", Map.of()), "reason", "required");
        var back = op("wangfang", task, "take-back", Map.of("reason", "申请人来电，自行处理"));
        assertThat(back.getStatusCode().value()).as(String.valueOf(back.getBody())).isEqualTo(200);
        assertThat(back.getBody().get("assignee").asText()).isEqualTo("wangfang");
        assertThat(mine("liuyang", number)).isZero();
        assertConflict(op("liuyang", task, "resolve", Map.of("opinion", "晚了")), "not-delegated");
        JsonNode taken = events(number, "TAKE_BACK").get(0);
        assertThat(taken.get("target").asText()).isEqualTo("liuyang");
        assertThat(taken.get("opinion").asText()).isEqualTo("申请人来电，自行处理");
        // after a delegation, the task can be transferred and unclaimed as usual
        assertThat(op("wangfang", task, "unclaim", Map.of()).getStatusCode().value()).isEqualTo(200);
        assertThat(op("liuyang", task, "claim", null).getStatusCode().value()).isEqualTo(200);
        assertThat(act("liuyang", task, "ACCEPT", null, null).getStatusCode().value()).isEqualTo(204);
    }

    // ---- urge ----

    @Test
    void theApplicantTheLeadAndSupervisorsUrgeTheCurrentHolders() {
        String number = submitConstruction("lina");
        actOk("chenjing", number, "acceptance", "ACCEPT", null);
        String fire = taskOf("sunqiang", number, "jointReview");
        op("sunqiang", fire, "claim", null);

        var urged = urge("lina", number, "项目急需开工，请尽快审查");
        assertThat(urged.getStatusCode().value()).as(String.valueOf(urged.getBody())).isEqualTo(200);
        // the applicant learns how many were told, not the staff's accounts
        assertThat(urged.getBody().get("recipients")).isEmpty();
        assertThat(urged.getBody().get("notified").asInt()).isGreaterThanOrEqualTo(4);
        assertConflict(urge("lina", number, "再催一次"), "urge-too-soon");
        var byLead = urge("chenjing", number, null);
        assertThat(byLead.getStatusCode().value()).as("the lead department").isEqualTo(200);
        List<String> recipients = new ArrayList<>();
        byLead.getBody().get("recipients").forEach(r -> recipients.add(r.asText()));
        assertThat(recipients).as("the claimed step's assignee; every approver of the unclaimed steps' departments")
                .contains("sunqiang", "zhaolei", "xuhao", "zhoumin").doesNotContain("majun", "lina", "chenjing");
        assertThat(urge("zhengli", number, "督办").getStatusCode().value()).as("a supervisor").isEqualTo(200);
        assertThat(urge("zhaolei", number, "我也催").getStatusCode().value()).as("a reviewing department").isEqualTo(403);
        assertThat(urge("zhangwei", number, "别人的").getStatusCode().value()).as("another applicant").isEqualTo(404);
        assertThat(urge("wangfang", number, "别的部门").getStatusCode().value()).as("an unrelated department").isEqualTo(404);

        assertThat(todoItem("zhaolei", number).get("urgedAt").isTextual()).isTrue();
        assertThat(todoItem("sunqiang", number).get("urgedAt").isTextual()).isTrue();
        JsonNode notices = as("xuhao").getForObject("/api/v1/notices?unread=true", JsonNode.class);
        assertThat(notices.get("items").findValuesAsText("caseNumber")).contains(number);
        assertThat(notices.get("items").get(0).get("kind").asText()).isEqualTo("URGE");
        List<JsonNode> urges = events(number, "URGE");
        assertThat(urges).extracting(e -> e.get("actor").asText()).containsExactly("lina", "chenjing", "zhengli");
        assertThat(urges.get(0).get("opinion").asText()).isEqualTo("项目急需开工，请尽快审查");
        assertThat(urges.get(1).get("department").asText()).isEqualTo("DQ-ZJJ");
        // the applicant sees their own urge, not the staff's operations
        JsonNode own = as("lina").getForObject("/api/v1/cases/" + number + "/history", JsonNode.class);
        assertThat(own.findValuesAsText("action")).contains("URGE").doesNotContain("CLAIM");
        assertThat(own.findValuesAsText("actor")).doesNotContain("zhengli");
        assertThat(own.findValuesAsText("target")).as("whom an urge reached stays with the staff").isEmpty();
    }

    @Test
    void twoUrgesAtTheSameMomentCountOnce() throws Exception {
        String number = submitFood("zhangwei");
        List<ResponseEntity<JsonNode>> answers = race(() -> urge("zhangwei", number, "请尽快"), () -> urge("zhangwei", number, "请尽快"));
        assertThat(answers).extracting(r -> r.getStatusCode().value()).containsExactlyInAnyOrder(200, 409);
        assertThat(events(number, "URGE")).hasSize(1);
    }

    @Test
    void aCaseWithoutAnApproversStepCannotBeUrged() {
        String number = submitFood("zhangwei");
        assertThat(act("wangfang", taskOf("wangfang", number, "acceptance"), "REQUEST_CORRECTION", null,
                List.of("补充消防安全承诺书")).getStatusCode().value()).isEqualTo(204);
        assertConflict(urge("zhangwei", number, "请尽快"), "nothing-to-urge");
    }

    // ---- CC ----

    @Test
    void aCopyLetsStaffSeeTheCaseReadOnlyAndListsItUntilRead() {
        String number = submitFood("zhangwei");
        String task = taskOf("wangfang", number, "acceptance");
        long material = caseOf("wangfang", number).get("materials").get(0).get("id").asLong();
        assertThat(as("zhaolei").getForEntity("/api/v1/cases/" + number, JsonNode.class).getStatusCode().value()).isEqualTo(404);

        var bad = op("wangfang", task, "cc", Map.of("to", List.of("zhaolei", "ghost", "zhangwei", "wangfang")));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("errors").findValuesAsText("code"))
                .containsExactly("not-a-staff-member", "not-a-staff-member", "not-yourself");
        assertField(op("wangfang", task, "cc", Map.of("to", List.of())), "to", "required");

        var copied = op("wangfang", task, "cc", Map.of("to", List.of("zhaolei", "zhengli"), "note", "涉及临街外摆，请规划部门知悉"));
        assertThat(copied.getStatusCode().value()).as(String.valueOf(copied.getBody())).isEqualTo(200);
        JsonNode cc = events(number, "CC").get(0);
        assertThat(cc.get("target").asText()).isEqualTo("zhaolei,zhengli");
        assertThat(cc.get("opinion").asText()).isEqualTo("涉及临街外摆，请规划部门知悉");

        // read-only: the case and its history, no materials, no task
        JsonNode seen = caseOf("zhaolei", number);
        assertThat(seen.get("caseNumber").asText()).isEqualTo(number);
        assertThat(seen.get("materials")).isEmpty();
        assertThat(as("zhaolei").getForEntity("/api/v1/cases/" + number + "/history", JsonNode.class).getStatusCode().value()).isEqualTo(200);
        assertThat(as("zhaolei").getForEntity("/api/v1/cases/" + number + "/materials/" + material, byte[].class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(as("zhaolei").getForEntity("/api/v1/tasks/" + task, JsonNode.class).getStatusCode().value()).isEqualTo(404);
        assertThat(op("zhaolei", task, "claim", null).getStatusCode().value()).isEqualTo(404);
        assertThat(act("zhaolei", task, "ACCEPT", null, null).getStatusCode().value()).isEqualTo(404);
        assertThat(as("xuhao").getForEntity("/api/v1/cases/" + number, JsonNode.class).getStatusCode().value())
                .as("a colleague of the recipient").isEqualTo(404);

        JsonNode list = as("zhaolei").getForObject("/api/v1/cc?unread=true", JsonNode.class);
        JsonNode item = list.get("items").get(0);
        assertThat(item.get("caseNumber").asText()).isEqualTo(number);
        assertThat(item.get("sender").asText()).isEqualTo("wangfang");
        assertThat(item.get("message").asText()).isEqualTo("涉及临街外摆，请规划部门知悉");
        assertThat(item.has("readAt")).isFalse();
        long id = item.get("id").asLong();
        assertThat(as("xuhao").postForEntity("/api/v1/cc/" + id + "/read", null, JsonNode.class).getStatusCode().value())
                .as("someone else's copy").isEqualTo(404);
        var read = as("zhaolei").postForEntity("/api/v1/cc/" + id + "/read", null, JsonNode.class);
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(read.getBody().get("readAt").isTextual()).isTrue();
        assertThat(as("zhaolei").getForObject("/api/v1/cc?unread=true", JsonNode.class).get("items").findValuesAsText("caseNumber"))
                .doesNotContain(number);
        assertThat(as("zhaolei").getForObject("/api/v1/cc", JsonNode.class).get("items").findValuesAsText("caseNumber"))
                .contains(number);
        assertThat(as("zhaolei").getForEntity("/api/v1/cc?unread=maybe", JsonNode.class).getStatusCode().value()).isEqualTo(400);
        assertThat(as("zhangwei").getForEntity("/api/v1/cc", JsonNode.class).getStatusCode().value())
                .as("applicants have no CC list").isEqualTo(403);
    }

    // ---- races ----

    @Test
    void twoColleaguesClaimingAtOnceOneWinsTheOtherIsTold() throws Exception {
        for (int round = 0; round < 4; round++) {
            String number = submitFood("zhangwei");
            String task = taskOf("wangfang", number, "acceptance");
            var answers = race(() -> op("wangfang", task, "claim", null), () -> op("liuyang", task, "claim", null));
            assertThat(answers).extracting(r -> r.getStatusCode().value()).containsExactlyInAnyOrder(200, 409);
            assertThat(answers).filteredOn(r -> r.getStatusCode().value() == 409)
                    .extracting(r -> r.getBody().get("code").asText()).containsExactly("task-claimed-by-other");
            assertThat(events(number, "CLAIM")).hasSize(1);
        }
    }

    @Test
    void aTransferRacingAClaimNeverAnswers500AndLeavesOneHolder() throws Exception {
        for (int round = 0; round < 4; round++) {
            String number = submitConstruction("lina");
            String task = taskOf("chenjing", number, "acceptance");
            var answers = race(() -> op("huangli", task, "claim", null),
                    () -> op("chenjing", task, "transfer", Map.of("to", "huangli", "reason", "由黄丽受理")));
            assertThat(answers).extracting(r -> r.getStatusCode().value()).allMatch(s -> s == 200 || s == 409);
            assertThat(as("huangli").getForObject("/api/v1/tasks/" + task, JsonNode.class).at("/task/assignee").asText())
                    .isEqualTo("huangli");
            // claim first: the transfer is refused; transfer first: the claim finds the task already hers
            assertThat(events(number, "CLAIM", "TRANSFER")).hasSize(1);
        }
    }

    @Test
    void resolveRacingTakeBackOneWins() throws Exception {
        for (int round = 0; round < 3; round++) {
            String number = submitFood("zhangwei");
            String task = taskOf("wangfang", number, "acceptance");
            op("wangfang", task, "claim", null);
            op("wangfang", task, "delegate", Map.of("to", "liuyang", "reason", "请协助"));
            var answers = race(() -> op("liuyang", task, "resolve", Map.of("opinion", "已核查")),
                    () -> op("wangfang", task, "take-back", Map.of("reason", "收回")));
            assertThat(answers).extracting(r -> r.getStatusCode().value()).containsExactlyInAnyOrder(200, 409);
            assertThat(events(number, "RESOLVE", "TAKE_BACK")).hasSize(1);
            assertThat(act("wangfang", task, "ACCEPT", null, null).getStatusCode().value()).isEqualTo(204);
        }
    }

    // ---- helpers ----

    private ResponseEntity<JsonNode> op(String user, String taskId, String operation, Map<String, ?> body) {
        return as(user).postForEntity("/api/v1/tasks/" + taskId + "/" + operation,
                body == null ? null : new HttpEntity<>(new HashMap<>(body)), JsonNode.class);
    }

    private ResponseEntity<JsonNode> urge(String user, String number, String message) {
        Map<String, Object> body = message == null ? Map.of() : Map.of("message", message);
        return as(user).postForEntity("/api/v1/cases/" + number + "/urge", new HttpEntity<>(body), JsonNode.class);
    }

    private List<String> operations(String user, String taskId) {
        var names = new ArrayList<String>();
        as(user).getForObject("/api/v1/tasks/" + taskId, JsonNode.class).get("operations").forEach(n -> names.add(n.asText()));
        return names;
    }

    /** The case's history entries with one of these actions, in order (read as the supervisor). */
    private List<JsonNode> events(String number, String... actions) {
        var wanted = List.of(actions);
        var found = new ArrayList<JsonNode>();
        as("zhengli").getForObject("/api/v1/cases/" + number + "/history", JsonNode.class).forEach(e -> {
            if (wanted.contains(e.get("action").asText())) {
                found.add(e);
            }
        });
        return found;
    }

    /** The user's to-do item of the case (with colleagues' claimed tasks). */
    private JsonNode todoItem(String user, String number) {
        JsonNode items = as(user).getForObject("/api/v1/tasks?claimed=true&caseNumber=" + number, JsonNode.class).get("items");
        if (items.isEmpty()) {
            items = as(user).getForObject("/api/v1/tasks?caseNumber=" + number, JsonNode.class).get("items");
        }
        assertThat(items).as(user + " has " + number + " in the to-do list").isNotEmpty();
        return items.get(0);
    }

    /** How many tasks of the case are in the user's own list (mine=true: assigned to them or delegated by them). */
    private long mine(String user, String number) {
        return as(user).getForObject("/api/v1/tasks?mine=true&caseNumber=" + number, JsonNode.class).get("total").asLong();
    }

    private static void assertConflict(ResponseEntity<JsonNode> response, String code) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(409);
        assertThat(response.getBody().get("code").asText()).isEqualTo(code);
    }

    private static void assertField(ResponseEntity<JsonNode> response, String field, String code) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);
        JsonNode errors = response.getBody().get("errors");
        assertThat(errors.findValuesAsText("field")).contains(field);
        for (JsonNode e : errors) {
            if (field.equals(e.get("field").asText())) {
                assertThat(e.get("code").asText()).isEqualTo(code);
            }
        }
    }

    @SafeVarargs
    private static List<ResponseEntity<JsonNode>> race(Callable<ResponseEntity<JsonNode>>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            var start = new CountDownLatch(1);
            var futures = new ArrayList<Future<ResponseEntity<JsonNode>>>();
            for (var call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            var answers = new ArrayList<ResponseEntity<JsonNode>>();
            for (var f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
