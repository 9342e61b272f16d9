package org.tongban.timelimits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.tongban.support.ApiTestBase;

/**
 * A case's statutory clock (issue 11) on the 2026 calendar, with the application's clock set: it starts at
 * acceptance, a special procedure pauses it (the deadlines move with the pause), overdue is negative, a year without
 * schedule is reported, and only the approvers holding the case start and end procedures.
 */
class CaseClockTest extends ApiTestBase {

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A food case accepted on Friday 2026-09-18, 10:00 in Deqing (the acceptance time set on the row). */
    private String acceptedOn(String item, String instant) {
        String number = FOOD.equals(item) ? submitFood("zhangwei") : submitConstruction("zhangwei");
        actOk(FOOD.equals(item) ? "wangfang" : "chenjing", number, "acceptance", "ACCEPT", null);
        jdbc.update("UPDATE tb_case SET accepted_at = ? WHERE case_number = ?", java.sql.Timestamp.from(Instant.parse(instant)), number);
        return number;
    }

    private JsonNode clockOf(String user, String number) {
        var response = as(user).getForEntity("/api/v1/cases/" + number + "/clock", JsonNode.class);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
        return response.getBody();
    }

    private ResponseEntity<JsonNode> start(String user, String number, Object body) {
        return as(user).postForEntity("/api/v1/cases/" + number + "/special-procedures", body, JsonNode.class);
    }

    @Test
    void anExpertReviewPausesTheClockAndTheDeadlinesMoveWithIt() {
        String number = acceptedOn(FOOD, "2026-09-18T02:00:00Z");
        clock.set(Instant.parse("2026-09-22T02:00:00Z"));
        JsonNode running = clockOf("zhangwei", number);
        assertThat(running.get("state").asText()).isEqualTo("RUNNING");
        assertThat(running.get("acceptedOn").asText()).isEqualTo("2026-09-18");
        assertThat(running.get("promisedDeadline").asText()).isEqualTo("2026-09-24");
        assertThat(running.get("statutoryDeadline").asText()).isEqualTo("2026-10-09");
        assertThat(running.get("remainingWorkingDays").asInt()).as("9-23, 9-24, 9-28..30, 10-08, 10-09").isEqualTo(7);
        assertThat(running.get("promisedRemainingWorkingDays").asInt()).isEqualTo(2);

        var expert = Map.of("kind", "EXPERT_REVIEW", "reason", "经营场所涉及冷链仓储，需组织专家评审",
                "legalBasis", "《中华人民共和国行政许可法》第四十五条");
        assertThat(start("zhangwei", number, expert).getStatusCode().value()).as("the applicant").isEqualTo(403);
        assertThat(start("chenjing", number, expert).getStatusCode().value()).as("another department").isEqualTo(404);
        var started = start("liuyang", number, expert);
        assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(201);
        assertThat(started.getBody().get("state").asText()).isEqualTo("PAUSED");
        long id = started.getBody().at("/pauses/0/id").asLong();
        assertThat(start("wangfang", number, Map.of("kind", "HEARING", "reason", "听证", "legalBasis", "第四十六条"))
                .getBody().get("code").asText()).isEqualTo("special-procedure-open");

        // a week later, still paused: 9-23, 9-24, 9-28, 9-29 do not count, so the working days left are the same
        clock.set(Instant.parse("2026-09-29T02:00:00Z"));
        JsonNode paused = clockOf("zhangwei", number);
        assertThat(paused.get("pausedWorkingDays").asInt()).isEqualTo(4);
        assertThat(paused.get("statutoryDeadline").asText()).as("10 + 4 working days: Sat 10-10 is worked").isEqualTo("2026-10-14");
        assertThat(paused.get("remainingWorkingDays").asInt()).isEqualTo(7);
        assertThat(paused.at("/pauses/0/reason").asText()).contains("专家评审");
        var ended = as("liuyang").postForEntity("/api/v1/cases/" + number + "/special-procedures/" + id + "/end", null, JsonNode.class);
        assertThat(ended.getStatusCode().value()).isEqualTo(200);
        assertThat(ended.getBody().get("state").asText()).isEqualTo("RUNNING");
        assertThat(as("liuyang").postForEntity("/api/v1/cases/" + number + "/special-procedures/" + id + "/end", null, JsonNode.class)
                .getStatusCode().value()).as("ended once").isEqualTo(404);

        // after the statutory deadline: negative working days
        clock.set(Instant.parse("2026-10-15T02:00:00Z"));
        JsonNode late = clockOf("liuyang", number);
        assertThat(late.get("statutoryDeadline").asText()).isEqualTo("2026-10-14");
        assertThat(late.get("remainingWorkingDays").asInt()).isEqualTo(-1);
        assertThat(late.get("promisedDeadline").asText()).isEqualTo("2026-10-08");
        assertThat(late.get("promisedRemainingWorkingDays").asInt()).as("10-09, 10-10, 10-12..15").isEqualTo(-6);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_audit_event WHERE subject = ? AND action LIKE 'SPECIAL_PROCEDURE_%'",
                Integer.class, number)).isEqualTo(2);
    }

    @Test
    void badProceduresAreNamedAtTheirFieldsAndOthersSeeNothing() {
        String number = acceptedOn(FOOD, "2026-09-18T02:00:00Z");
        var bad = start("liuyang", number, Map.of("kind", "CORRECTION", "reason", " ", "legalBasis", "x".repeat(201)));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().findValuesAsText("field")).containsExactlyInAnyOrder("kind", "reason", "legalBasis");
        assertThat(start("liuyang", number, Map.of("kind", "NAPPING", "reason", "x", "legalBasis", "y")).getStatusCode().value()).isEqualTo(400);
        assertThat(as("lina").getForEntity("/api/v1/cases/" + number + "/clock", String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(rest.getForEntity("/api/v1/cases/" + number + "/clock", String.class).getStatusCode().value()).isEqualTo(401);

        String waiting = submitFood("zhangwei");
        assertThat(clockOf("zhangwei", waiting).get("state").asText()).isEqualTo("NOT_STARTED");
        assertThat(start("wangfang", waiting, Map.of("kind", "HEARING", "reason", "x", "legalBasis", "y")).getBody().get("code").asText())
                .isEqualTo("case-wrong-status");
    }

    @Test
    void aDeadlineInAYearWithoutScheduleIsReportedNotGuessed() {
        withoutCalendarYear(2027); // a browser journey may have entered it
        String number = acceptedOn(CONSTRUCTION, "2026-12-24T02:00:00Z");
        clock.set(Instant.parse("2026-12-28T02:00:00Z"));
        JsonNode clockView = clockOf("zhangwei", number);
        assertThat(clockView.get("state").asText()).isEqualTo("RUNNING");
        assertThat(clockView.get("missingCalendarYear").asInt()).isEqualTo(2027);
        assertThat(clockView.hasNonNull("statutoryDeadline")).isFalse();
    }
}
