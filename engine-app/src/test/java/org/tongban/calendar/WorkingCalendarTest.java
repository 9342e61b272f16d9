package org.tongban.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.tongban.support.ApiTestBase;

/**
 * Working days by the State Council's 2026 schedule (issue 11): deadlines cross the Spring Festival, the National Day
 * week and their make-up Saturdays and Sundays to exact dates; a year nobody entered is refused, not guessed; an
 * administrator enters it, with every bad day named.
 */
class WorkingCalendarTest extends ApiTestBase {

    @Autowired
    private WorkingCalendar calendar;

    @org.junit.jupiter.api.BeforeEach
    void today() {
        clock.set(java.time.Instant.parse("2026-12-05T02:00:00Z")); // 10:00 in Deqing
        withoutCalendarYear(2027);
    }

    @AfterEach
    void realTime() {
        clock.reset();
        withoutCalendarYear(2027);
    }

    private ResponseEntity<JsonNode> whatIf(String item, String acceptedOn, String from) {
        var headers = new HttpHeaders();
        headers.set("X-Forwarded-For", from);
        return rest.exchange("/api/v1/items/" + item + "/deadlines?acceptedOn=" + acceptedOn, HttpMethod.GET,
                new HttpEntity<>(headers), JsonNode.class);
    }

    @Test
    void deadlinesSkipHolidaysAndCountMakeUpWorkingDays() {
        // 2026-09-18 (Fri): Sun 9-20 is worked, 9-25..27 (中秋) and 10-01..07 (国庆) are not
        JsonNode food = whatIf(FOOD, "2026-09-18", "198.51.100.1").getBody();
        assertThat(food.get("promisedDays").asInt()).isEqualTo(5);
        assertThat(food.get("promisedDeadline").asText()).isEqualTo("2026-09-24");
        assertThat(food.get("statutoryDays").asInt()).isEqualTo(10);
        assertThat(food.get("statutoryDeadline").asText()).isEqualTo("2026-10-09");
        // 2026-02-13 (Fri): Sat 2-14 is worked, 2-15..23 (春节) are not, Sat 2-28 is worked
        JsonNode spring = whatIf(FOOD, "2026-02-13", "198.51.100.1").getBody();
        assertThat(spring.get("promisedDeadline").asText()).isEqualTo("2026-02-27");
        assertThat(spring.get("statutoryDeadline").asText()).isEqualTo("2026-03-05");
        // the day of acceptance is not counted, weekends are not working days
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 4), 1)).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 3, 5))).isEqualTo(10);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("Saturday 10-10 is worked").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 26))).as("2025 is seeded too").isTrue();
    }

    @Test
    void aYearWithoutAScheduleIsRefusedUntilAnAdministratorEntersIt() {
        // the construction permit's 7 working days from 2026-12-24 reach into 2027; today (2026-12-05) the
        // administrator is told that next year has no schedule yet, and so is the what-if without a date
        assertThat(whatIf(CONSTRUCTION, "", "198.51.100.2").getBody().get("acceptedOn").asText()).isEqualTo("2026-12-05");
        JsonNode overview = as("admin").getForObject("/api/v1/calendar", JsonNode.class);
        assertThat(overview.get("missing").toString()).isEqualTo("[2027]");
        var refused = whatIf(CONSTRUCTION, "2026-12-24", "198.51.100.2");
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("calendar-year-missing");
        assertThat(refused.getBody().get("detail").asText()).contains("2027");

        var schedule = Map.of("source", "国务院办公厅关于2027年部分节假日安排的通知（测试数据）", "days", List.of(
                Map.of("date", "2027-01-01", "kind", "HOLIDAY", "name", "元旦"),
                Map.of("date", "2027-01-02", "kind", "HOLIDAY", "name", "元旦"),
                Map.of("date", "2027-01-03", "kind", "HOLIDAY", "name", "元旦")));
        assertThat(as("chenjing").exchange("/api/v1/calendar/2027", HttpMethod.PUT, new HttpEntity<>(schedule), JsonNode.class)
                .getStatusCode().value()).as("an approver").isEqualTo(403);
        var saved = as("admin").exchange("/api/v1/calendar/2027", HttpMethod.PUT, new HttpEntity<>(schedule), JsonNode.class);
        assertThat(saved.getStatusCode().value()).as(String.valueOf(saved.getBody())).isEqualTo(200);
        assertThat(saved.getBody().get("days")).hasSize(3);
        assertThat(as("admin").getForObject("/api/v1/calendar", JsonNode.class).get("missing")).isEmpty();
        // 12-25 (1), 12-28 (2), 12-29 (3), 12-30 (4), 12-31 (5), 1-01 holiday, 1-04 (6), 1-05 (7)
        JsonNode permit = whatIf(CONSTRUCTION, "2026-12-24", "198.51.100.2").getBody();
        assertThat(permit.get("promisedDeadline").asText()).isEqualTo("2026-12-29");
        assertThat(permit.get("statutoryDeadline").asText()).isEqualTo("2027-01-05");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_audit_event WHERE action = 'CALENDAR_UPDATED' AND subject = '2027'",
                Integer.class)).isGreaterThanOrEqualTo(1);
        assertThat(as("chenjing").exchange("/api/v1/calendar/2027", HttpMethod.DELETE, null, String.class).getStatusCode().value())
                .as("only an administrator removes a year").isEqualTo(403);
        assertThat(as("lina").getForObject("/api/v1/calendar/2027", JsonNode.class).get("source").asText()).contains("2027");
    }

    @Test
    void everyBadDayIsNamedAndNothingIsSaved() {
        var bad = Map.of("source", "  ", "days", List.of(
                Map.of("date", "2027-01-04", "kind", "WORKDAY", "name", "周一调休"),
                Map.of("date", "2026-12-31", "kind", "HOLIDAY", "name", "跨年"),
                Map.of("date", "2027-01-01", "kind", "HOLIDAY", "name", "元旦"),
                Map.of("date", "2027-01-01", "kind", "HOLIDAY", "name", "元旦\u0000")));
        var refused = as("admin").exchange("/api/v1/calendar/2027", HttpMethod.PUT, new HttpEntity<>(bad), JsonNode.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().findValuesAsText("field")).containsExactlyInAnyOrder("source", "days[0].kind", "days[1].date",
                "days[3].date", "days[3].name");
        assertThat(refused.getBody().findValuesAsText("code")).contains("calendar-workday-not-weekend", "calendar-day-outside-year",
                "calendar-day-repeated");
        assertThat(as("admin").getForEntity("/api/v1/calendar/2027", JsonNode.class).getStatusCode().value()).isEqualTo(404);
        var badDate = as("admin").exchange("/api/v1/calendar/2027", HttpMethod.PUT,
                new HttpEntity<>(Map.of("source", "x", "days", List.of(Map.of("date", "2027-02-30", "kind", "HOLIDAY", "name", "x")))), JsonNode.class);
        assertThat(badDate.getStatusCode().value()).isEqualTo(400);
        assertThat(rest.getForEntity("/api/v1/calendar", String.class).getStatusCode().value()).isEqualTo(401);

        var badAcceptance = whatIf(FOOD, "2026-13-01", "198.51.100.3");
        assertThat(badAcceptance.getStatusCode().value()).isEqualTo(400);
        assertThat(badAcceptance.getBody().at("/errors/0/field").asText()).isEqualTo("acceptedOn");
        assertThat(whatIf("NO-SUCH-ITEM", "2026-12-01", "198.51.100.3").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theWhatIfIsRateLimitedLikeEveryPublicEndpoint() {
        int status = 200;
        for (int i = 0; i < 100 && status == 200; i++) {
            status = whatIf(FOOD, "2026-12-01", "198.51.100.4").getStatusCode().value();
        }
        assertThat(status).isEqualTo(429);
    }
}
