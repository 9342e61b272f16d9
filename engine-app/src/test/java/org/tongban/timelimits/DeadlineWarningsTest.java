package org.tongban.timelimits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tongban.TongbanApplication;
import org.tongban.shared.ChinaTime;
import org.tongban.support.ApiTestBase;
import org.tongban.support.RecordingChannel;
import org.tongban.support.TestClock;
import org.tongban.support.TestDatabase;
import org.tongban.workflow.EngineTimers;

/**
 * Yellow and red cards (issue 11, "done when"): engine timers, run by two application nodes on one database (the
 * suite's and a second one started here, each with its own job executor and the same clock time), raise each card
 * exactly once, notify the holders once per card and escalate red cards to the supervisors.
 */
class DeadlineWarningsTest extends ApiTestBase {

    private static ConfigurableApplicationContext second;

    @Autowired
    EngineTimers timers;
    @Autowired
    RecordingChannel channel;

    @AfterEach
    void realTime() {
        setBoth(null);
    }

    @AfterAll
    static void stopSecondNode() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    /** The second node: the same application on the same database, on its own port, without demo data of its own. */
    private static TestClock secondNode() {
        if (second == null) {
            var properties = new HashMap<String, Object>(TestDatabase.properties());
            properties.put("server.port", "0");
            properties.put("tongban.demo-data", "false");
            properties.put("logging.level.org.flowable", "WARN");
            properties.put("flowable.process.async.executor.default-timer-job-acquire-wait-time", "1s");
            properties.put("tongban.materials.directory", MATERIAL_DIRECTORY.toString());
            properties.put("tongban.events.redelivery-interval", "PT1H");
            // as command-line arguments: they must win over application.yml (default properties would not)
            second = new SpringApplicationBuilder(TongbanApplication.class, TestClock.Config.class, RecordingChannel.Config.class)
                    .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        }
        return second.getBean(TestClock.class);
    }

    /** Every node of the JVM shares one test clock (TestClock); the second node's is checked to be it. */
    private void setBoth(Instant at) {
        if (second != null) {
            assertThat(second.getBean(TestClock.class)).isSameAs(clock);
        }
        if (at == null) {
            clock.reset();
        } else {
            clock.set(at);
        }
    }

    private static Instant morning(LocalDate day, int hour) {
        return ZonedDateTime.of(day.atTime(hour, 0), ChinaTime.ZONE).toInstant();
    }

    private long caseId(String number) {
        return jdbc.queryForObject("SELECT id FROM tb_case WHERE case_number = ?", Long.class, number);
    }

    private int cards(List<Long> ids, String scope, String card) {
        String in = String.join(",", ids.stream().map(String::valueOf).toList());
        return jdbc.queryForObject("SELECT COUNT(*) FROM tb_deadline_warning WHERE case_id IN (" + in + ") AND card = ? AND "
                + ("CASE".equals(scope) ? "scope_key = 'CASE'" : "scope_key <> 'CASE'"), Integer.class, card);
    }

    private void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waiting for " + what + "; cards " + jdbc.queryForList("SELECT case_id, scope_key, card "
                        + "FROM tb_deadline_warning ORDER BY id DESC LIMIT 30") + "; timers " + jdbc.queryForList("SELECT HANDLER_CFG_, "
                        + "DUEDATE_, LOCK_OWNER_, LOCK_EXP_TIME_, RETRIES_, EXCEPTION_MSG_ FROM ACT_RU_TIMER_JOB ORDER BY DUEDATE_ LIMIT 40")
                        + "; jobs " + jdbc.queryForList("SELECT HANDLER_CFG_, LOCK_OWNER_, LOCK_EXP_TIME_, RETRIES_, EXCEPTION_MSG_ FROM ACT_RU_JOB")
                        + "; dead " + jdbc.queryForList("SELECT HANDLER_CFG_, EXCEPTION_MSG_ FROM ACT_RU_DEADLETTER_JOB"));
            }
            Thread.sleep(200);
        }
    }

    private int warningNotices(String recipient, List<String> numbers, String prefix) {
        String in = String.join(",", numbers.stream().map(n -> "'" + n + "'").toList());
        return jdbc.queryForObject("SELECT COUNT(*) FROM tb_notice WHERE kind = 'WARNING' AND recipient = ? AND case_number IN ("
                + in + ") AND message LIKE ?", Integer.class, recipient, prefix + "%");
    }

    @Test
    void twoNodesRaiseEachCardOnceAndEscalateTheRedOnes() throws Exception {
        secondNode();
        // Monday 2026-09-14, 10:00 in Deqing: six food cases accepted; their review steps open the same day
        setBoth(morning(LocalDate.of(2026, 9, 14), 10));
        var numbers = new ArrayList<String>();
        var ids = new ArrayList<Long>();
        for (int i = 0; i < 6; i++) {
            String number = submitFood("zhangwei");
            actOk("wangfang", number, "acceptance", "ACCEPT", null);
            numbers.add(number);
            ids.add(caseId(number));
        }
        JsonNode clockView = as("zhangwei").getForObject("/api/v1/cases/" + numbers.get(0) + "/clock", JsonNode.class);
        LocalDate deadline = LocalDate.parse(clockView.get("statutoryDeadline").asText());
        assertThat(deadline).as("10 working days after 9-14: 9-15..18, 9-21..25, 9-28").isEqualTo(LocalDate.of(2026, 9, 28));
        // the case's timer is a row of the engine (so it survives restarts), due at 08:00 on its yellow day: 2 working days left
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TIMER_JOB WHERE HANDLER_CFG_ = ?", Integer.class,
                "tongban-deadline:C:" + ids.get(0))).isEqualTo(1);
        assertThat(timers.due("tongban-deadline", "C:" + ids.get(0))).as("after 9-23: 9-24 and 9-28 (9-25..27 Mid-Autumn)")
                .isEqualTo(morning(LocalDate.of(2026, 9, 23), 8));

        // Thursday 9-17 09:00: the review step (3 working days from 9-14) falls due today: a yellow card per step
        setBoth(morning(LocalDate.of(2026, 9, 17), 9));
        await("six yellow step cards", () -> cards(ids, "STEP", "YELLOW") == 6);
        assertThat(cards(ids, "CASE", "YELLOW")).isZero();

        // Wednesday 9-23 09:00: the steps are overdue (red), the cases have two working days left (yellow)
        setBoth(morning(LocalDate.of(2026, 9, 23), 9));
        await("six red step cards and six yellow case cards", () -> cards(ids, "STEP", "RED") == 6 && cards(ids, "CASE", "YELLOW") == 6);
        assertThat(timers.due("tongban-deadline", "C:" + ids.get(0))).as("next: the day after the deadline")
                .isEqualTo(morning(LocalDate.of(2026, 9, 29), 8));

        // Tuesday 9-29 09:00: past the statutory deadline, red for every case
        setBoth(morning(LocalDate.of(2026, 9, 29), 9));
        await("six red case cards", () -> cards(ids, "CASE", "RED") == 6);
        Thread.sleep(3000); // both nodes poll every second: give a second firing the chance to show
        assertThat(cards(ids, "CASE", "RED")).isEqualTo(6);
        assertThat(cards(ids, "STEP", "YELLOW") + cards(ids, "STEP", "RED") + cards(ids, "CASE", "YELLOW")).isEqualTo(18);
        assertThat(timers.due("tongban-deadline", "C:" + ids.get(0))).as("nothing left to raise").isNull();

        // each holder of the review step was told once per card; supervisors only of the red ones (escalation)
        assertThat(warningNotices("liuyang", numbers, "YELLOW")).isEqualTo(12);
        assertThat(warningNotices("liuyang", numbers, "RED")).isEqualTo(12);
        assertThat(warningNotices("zhengli", numbers, "YELLOW")).isZero();
        assertThat(warningNotices("zhengli", numbers, "RED")).isEqualTo(12);
        assertThat(warningNotices("zhangwei", numbers, "")).as("not the applicant").isZero();
        // the mail/SMS port (one recorder for every node of the JVM) was handed each committed notice once
        var handed = new ArrayList<String>();
        channel.deliveries.stream().filter(d -> d.recipient().equals("zhengli") && numbers.contains(d.caseNumber()))
                .forEach(d -> handed.add(d.caseNumber() + " " + d.message()));
        assertThat(handed).hasSize(12).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_audit_event WHERE action LIKE 'DEADLINE_%' AND subject = ?",
                Integer.class, numbers.get(0))).isEqualTo(4);

        // the supervisor's list: red first; the yellow card of a scope that turned red is history
        JsonNode page = as("zhengli").getForObject("/api/v1/supervision/warnings?itemCode=" + FOOD + "&size=100", JsonNode.class);
        List<String> mine = new ArrayList<>();
        page.get("items").forEach(line -> {
            if (numbers.contains(line.at("/card/caseNumber").asText())) {
                mine.add(line.at("/card/card").asText());
            }
        });
        assertThat(mine).hasSize(12).containsOnly("RED");
        assertThat(as("wangfang").getForEntity("/api/v1/supervision/warnings", String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(as("zhengli").getForEntity("/api/v1/supervision/warnings?card=PURPLE", JsonNode.class).getBody()
                .findValuesAsText("field")).containsExactly("card");
    }

    @Test
    void aConcludedCaseRaisesNothingAndTheHolderOfAClaimedStepAloneIsTold() throws Exception {
        secondNode();
        setBoth(morning(LocalDate.of(2026, 9, 14), 10));
        String done = submitFood("zhangwei");
        actOk("wangfang", done, "acceptance", "ACCEPT", null);
        actOk("liuyang", done, "review", "AGREE", "同意");
        actOk("liuyang", done, "inspection", "AGREE", "符合要求");
        actOk("wangfang", done, "decision", "GRANT", "准予许可");
        String claimed = submitFood("zhangwei");
        actOk("wangfang", claimed, "acceptance", "ACCEPT", null);
        String task = taskOf("liuyang", claimed, "review");
        assertThat(as("liuyang").postForEntity("/api/v1/tasks/" + task + "/claim", null, String.class).getStatusCode().is2xxSuccessful()).isTrue();

        setBoth(morning(LocalDate.of(2026, 9, 18), 9));
        await("the claimed step's red card", () -> cards(List.of(caseId(claimed)), "STEP", "RED") == 1);
        assertThat(warningNotices("liuyang", List.of(claimed), "RED")).isEqualTo(1);
        assertThat(warningNotices("wangfang", List.of(claimed), "RED")).as("only the assignee of a claimed step").isZero();
        setBoth(morning(LocalDate.of(2026, 10, 30), 9));
        await("the open case's red card", () -> cards(List.of(caseId(claimed)), "CASE", "RED") == 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_deadline_warning WHERE case_id = ?", Integer.class, caseId(done)))
                .as("a concluded case").isZero();
    }
}
