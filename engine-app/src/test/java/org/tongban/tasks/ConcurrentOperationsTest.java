package org.tongban.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.tongban.support.ApiTestBase;

/**
 * Many construction-permit cases driven from concurrent threads over HTTP (on H2 and on MariaDB): the three
 * departments complete at the same instant, a recall (撤回) races the next step's claim, a return (退回) of the joint
 * review races another department's verdict, the applicant's withdrawal races the last joint-review verdict or the
 * grant. Afterwards every case is in the state its race allows, each
 * department's opinion is in the history exactly once per round, no case advanced twice (one decision task, one
 * licence at most) and no request answered 500. Tagged so it can be run alone ({@code -Dgroups=concurrency}); it
 * runs in every {@code mvn verify} on both databases.
 */
@Tag("concurrency")
class ConcurrentOperationsTest extends ApiTestBase {

    private static final int CASES = 30;
    private static final List<String> REVIEWERS = List.of("zhaolei", "sunqiang", "zhoumin");
    private static final Map<String, String> DEPARTMENT = Map.of("zhaolei", "DQ-ZRZY", "sunqiang", "DQ-XF", "zhoumin", "DQ-STHJ");

    /** Every response: "case what status", to find any 500. */
    private final Queue<String> responses = new ConcurrentLinkedQueue<>();
    private final Map<String, String> expected = new ConcurrentHashMap<>();
    private final ExecutorService racers = Executors.newCachedThreadPool();

    @Test
    void manyCasesRaceTheirOperationsAndEveryOneEndsConsistently() throws Exception {
        long started = System.nanoTime();
        ExecutorService drivers = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> cases = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                int kind = i % 6;
                cases.add(drivers.submit(() -> drive(kind)));
            }
            List<String> numbers = new ArrayList<>();
            for (Future<String> c : cases) {
                numbers.add(c.get(120, TimeUnit.SECONDS));
            }
            assertThat(responses).as("no request answered 500").noneMatch(r -> r.endsWith(" 500"));
            for (String number : numbers) {
                check(number);
            }
        } finally {
            drivers.shutdownNow();
            racers.shutdownNow();
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        System.out.println(CASES + " racing cases driven and checked in " + seconds + " s");
        assertThat(seconds).as("seconds (about 30 on H2, 50 on MariaDB on a busy 2-core machine)").isLessThan(120);
    }

    /** One case through one of six races; returns its number once it is concluded. */
    private String drive(int kind) throws Exception {
        String number = submitConstruction("lina");
        ok(number, "accept", act("chenjing", taskOf("chenjing", number, "acceptance"), "ACCEPT", null, null), 204);
        switch (kind) {
            case 0, 1 -> { // the three departments complete at the same instant, the lead grants
                allAgreeAtOnce(number);
                grant(number);
            }
            case 2 -> { // the window's recall races a department's claim of the joint review
                String fire = taskOf("sunqiang", number, "jointReview");
                var barrier = new CyclicBarrier(2);
                var recall = race(barrier, () -> post("chenjing", "/api/v1/cases/" + number + "/recall", Map.of("reason", "撤回重新受理")));
                var claim = race(barrier, () -> post("sunqiang", "/api/v1/tasks/" + fire + "/claim", null));
                int recalled = status(number, "recall", recall.get(60, TimeUnit.SECONDS));
                int claimed = status(number, "claim", claim.get(60, TimeUnit.SECONDS));
                assertThat(List.of(recalled, claimed)).as(number + " exactly one of recall and claim wins")
                        .isIn(List.of(200, 404), List.of(409, 200));
                if (recalled == 200) {
                    assertThat(caseOf("lina", number).get("status").asText()).isEqualTo("SUBMITTED");
                    ok(number, "accept again", act("chenjing", taskOf("chenjing", number, "acceptance"), "ACCEPT", null, null), 204);
                }
                allAgreeAtOnce(number);
                grant(number);
            }
            case 3 -> { // the applicant withdraws while the last department completes
                ok(number, "agree", act("zhaolei", taskOf("zhaolei", number, "jointReview"), "AGREE", "同意", null), 204);
                ok(number, "agree", act("sunqiang", taskOf("sunqiang", number, "jointReview"), "AGREE", "同意", null), 204);
                String last = taskOf("zhoumin", number, "jointReview");
                var barrier = new CyclicBarrier(2);
                var withdraw = race(barrier, () -> post("lina", "/api/v1/cases/" + number + "/withdrawal", Map.of("reason", "项目暂缓")));
                var agree = race(barrier, () -> act("zhoumin", last, "AGREE", "同意", null));
                assertThat(status(number, "withdraw", withdraw.get(60, TimeUnit.SECONDS))).isEqualTo(200);
                assertThat(status(number, "last agree", agree.get(60, TimeUnit.SECONDS))).isIn(204, 404);
                expected.put(number, "WITHDRAWN");
            }
            case 4 -> { // a department returns the joint review to acceptance while another gives its verdict
                String fire = taskOf("sunqiang", number, "jointReview");
                String land = taskOf("zhaolei", number, "jointReview");
                var barrier = new CyclicBarrier(2);
                var back = race(barrier, () -> post("sunqiang", "/api/v1/tasks/" + fire + "/return",
                        Map.of("to", "acceptance", "reason", "缺少消防设计审查意见")));
                var agree = race(barrier, () -> act("zhaolei", land, "AGREE", "同意", null));
                assertThat(status(number, "return", back.get(60, TimeUnit.SECONDS))).isEqualTo(204);
                assertThat(status(number, "racing agree", agree.get(60, TimeUnit.SECONDS))).isIn(204, 404);
                JsonNode view = caseOf("lina", number);
                assertThat(view.get("status").asText()).isEqualTo("SUBMITTED");
                assertThat(view.get("currentSteps")).as(number + " only the acceptance is open").hasSize(1);
                ok(number, "accept again", act("chenjing", taskOf("chenjing", number, "acceptance"), "ACCEPT", null, null), 204);
                allAgreeAtOnce(number);
                grant(number);
            }
            default -> { // the applicant withdraws while the lead grants: one of them wins
                allAgreeAtOnce(number);
                consolidate(number);
                String decision = taskOf("chenjing", number, "decision");
                var barrier = new CyclicBarrier(2);
                var withdraw = race(barrier, () -> post("lina", "/api/v1/cases/" + number + "/withdrawal", Map.of("reason", "项目暂缓")));
                var grant = race(barrier, () -> act("chenjing", decision, "GRANT", "准予许可", null));
                int withdrawn = status(number, "withdraw", withdraw.get(60, TimeUnit.SECONDS));
                int granted = status(number, "grant", grant.get(60, TimeUnit.SECONDS));
                assertThat(List.of(withdrawn, granted)).as(number + " exactly one of withdraw and grant wins")
                        .isIn(List.of(200, 404), List.of(200, 409), List.of(409, 204)); // 409: case-wrong-status
                expected.put(number, withdrawn == 200 ? "WITHDRAWN" : "GRANTED");
            }
        }
        return number;
    }

    private void allAgreeAtOnce(String number) throws Exception {
        var tasks = new HashMap<String, String>();
        REVIEWERS.forEach(r -> tasks.put(r, taskOf(r, number, "jointReview")));
        var barrier = new CyclicBarrier(REVIEWERS.size());
        var results = new ArrayList<Future<ResponseEntity<JsonNode>>>();
        REVIEWERS.forEach(r -> results.add(race(barrier, () -> act(r, tasks.get(r), "AGREE", "同意（" + r + "）", null))));
        for (var r : results) {
            assertThat(status(number, "agree", r.get(60, TimeUnit.SECONDS))).isEqualTo(204);
        }
    }

    private void consolidate(String number) {
        ok(number, "consolidate", act("chenjing", taskOf("chenjing", number, "consolidation"), "CONSOLIDATE", "各部门均同意", null), 204);
    }

    private void grant(String number) {
        consolidate(number);
        ok(number, "grant", act("chenjing", taskOf("chenjing", number, "decision"), "GRANT", "准予许可", null), 204);
        expected.put(number, "GRANTED");
    }

    private void check(String number) {
        String status = caseOf("lina", number).get("status").asText();
        assertThat(status).as(number).isEqualTo(expected.get(number));
        String pid = jdbc.queryForObject("SELECT process_instance_id FROM tb_case WHERE case_number = ?", String.class, number);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ?", Integer.class, pid))
                .as(number + " a concluded case has no open step").isZero();
        List<Map<String, Object>> events = jdbc.queryForList("SELECT e.action, e.department FROM tb_case_event e "
                + "JOIN tb_case c ON c.id = e.case_id WHERE c.case_number = ? ORDER BY e.id", number);
        // rounds start at each acceptance; in each, a department gives its opinion at most once
        List<Map<String, Integer>> rounds = new ArrayList<>();
        int grants = 0;
        for (var e : events) {
            String action = String.valueOf(e.get("action") != null ? e.get("action") : e.get("ACTION"));
            Object department = e.get("department") != null ? e.get("department") : e.get("DEPARTMENT");
            if (action.equals("ACCEPT")) {
                rounds.add(new HashMap<>());
            } else if (action.equals("AGREE") || action.equals("DISAGREE")) {
                rounds.get(rounds.size() - 1).merge(String.valueOf(department), 1, Integer::sum);
            } else if (action.equals("GRANT")) {
                grants++;
            }
        }
        rounds.forEach(round -> assertThat(round.values()).as(number + " opinions per department in a round").allMatch(n -> n == 1));
        assertThat(grants).as(number + " granted at most once").isLessThanOrEqualTo(1);
        if (status.equals("GRANTED")) {
            assertThat(rounds.get(rounds.size() - 1)).as(number + " every department's opinion in the final round")
                    .containsOnlyKeys(DEPARTMENT.values());
            awaitLicence("lina", number);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_licence l JOIN tb_case c ON c.id = l.case_id "
                + "WHERE c.case_number = ?", Integer.class, number)).as(number + " licences").isEqualTo(status.equals("GRANTED") ? 1 : 0);
    }

    private <T> Future<T> race(CyclicBarrier barrier, Callable<T> call) {
        return racers.submit(() -> {
            barrier.await(30, TimeUnit.SECONDS);
            return call.call();
        });
    }

    private ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body), JsonNode.class);
    }

    private int status(String number, String what, ResponseEntity<JsonNode> response) {
        int status = response.getStatusCode().value();
        responses.add(number + " " + what + " " + status);
        assertThat(status).as(number + " " + what + ": " + response.getBody()).isLessThan(500);
        return status;
    }

    private void ok(String number, String what, ResponseEntity<JsonNode> response, int expectedStatus) {
        assertThat(status(number, what, response)).as(number + " " + what + ": " + response.getBody()).isEqualTo(expectedStatus);
    }
}
