package org.tongban.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.tongban.support.ApiTestBase;

/**
 * 好差评 (issue 11): the applicant rates a concluded case once; a bad rating gets a follow-up deadline in working days
 * for the item's department, which answers it once; the applicant sees the answer; the aggregates are right.
 */
class RatingsTest extends ApiTestBase {

    @AfterEach
    void realTime() {
        clock.reset();
        jdbc.update("DELETE FROM tb_rating WHERE item_code = 'TEST-RATINGS'");
    }

    private ResponseEntity<JsonNode> rate(String user, String number, Object body) {
        return as(user).postForEntity("/api/v1/cases/" + number + "/rating", body, JsonNode.class);
    }

    private String refusedFood() {
        String number = submitFood("zhangwei");
        actOk("wangfang", number, "acceptance", "ACCEPT", null);
        actOk("liuyang", number, "review", "DISAGREE", "经营场所与污染源距离不足");
        actOk("liuyang", number, "inspection", "DISAGREE", "现场核查不符合要求");
        actOk("wangfang", number, "decision", "REFUSE", "不符合《食品经营许可和备案管理办法》第十二条规定的条件");
        return number;
    }

    @Test
    void aBadRatingIsFollowedUpByTheDepartmentAndTheApplicantSeesTheAnswer() {
        String open = submitFood("zhangwei");
        assertThat(rate("zhangwei", open, Map.of("level", 5, "reasons", List.of("FAST"))).getBody().get("code").asText())
                .isEqualTo("case-not-concluded");
        String number = refusedFood();
        clock.set(Instant.parse("2026-09-18T02:00:00Z"));
        assertThat(rate("wangfang", number, Map.of("level", 5)).getStatusCode().value()).as("staff").isEqualTo(403);
        assertThat(rate("lina", number, Map.of("level", 5)).getStatusCode().value()).as("another applicant").isEqualTo(404);
        var mismatch = rate("zhangwei", number, Map.of("level", 1, "reasons", List.of("FAST")));
        assertThat(mismatch.getStatusCode().value()).isEqualTo(400);
        assertThat(mismatch.getBody().at("/errors/0/code").asText()).isEqualTo("rating-reason-mismatch");
        assertThat(rate("zhangwei", number, Map.of("level", 2)).getBody().at("/errors/0/code").asText()).isEqualTo("rating-reason-required");
        var bad = rate("zhangwei", number, Map.of("level", 7, "reasons", List.of("NOT_A_REASON")));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        var nullReason = rate("zhangwei", number, Map.of("level", 1, "reasons", java.util.Arrays.asList((Object) null)));
        assertThat(nullReason.getStatusCode().value()).as("a null reason is a field error, not a 500").isEqualTo(400);
        assertThat(rate("zhangwei", number, Map.of()).getBody().at("/errors/0/field").asText()).isEqualTo("level");

        var rated = rate("zhangwei", number, Map.of("level", 1, "reasons", List.of("OVERDUE", "POOR_ATTITUDE"),
                "comment", "窗口人员态度生硬，现场核查安排了三次"));
        assertThat(rated.getStatusCode().value()).as(String.valueOf(rated.getBody())).isEqualTo(201);
        assertThat(rated.getBody().get("followUpDue").asText()).as("15 working days after Fri 2026-09-18").isEqualTo("2026-10-15");
        assertThat(rate("zhangwei", number, Map.of("level", 5, "reasons", List.of("FAST"))).getBody().get("code").asText())
                .isEqualTo("rating-exists");
        long id = rated.getBody().get("id").asLong();

        assertThat(as("wangfang").getForObject("/api/v1/ratings/follow-ups", JsonNode.class).findValuesAsText("caseNumber")).contains(number);
        assertThat(as("chenjing").getForObject("/api/v1/ratings/follow-ups", JsonNode.class).findValuesAsText("caseNumber"))
                .doesNotContain(number);
        assertThat(as("zhangwei").getForEntity("/api/v1/ratings/follow-ups", String.class).getStatusCode().value()).isEqualTo(403);
        String response = "/api/v1/ratings/" + id + "/response";
        assertThat(as("chenjing").postForEntity(response, Map.of("response", "已整改"), JsonNode.class).getStatusCode().value()).isEqualTo(404);
        assertThat(as("wangfang").postForEntity(response, Map.of("response", " "), JsonNode.class).getStatusCode().value()).isEqualTo(400);
        var answered = as("wangfang").postForEntity(response, Map.of("response",
                "已核实：现场核查因经营者两次未到场改期。已对窗口人员进行服务规范培训，今后核查一次预约到位。"), JsonNode.class);
        assertThat(answered.getStatusCode().value()).isEqualTo(200);
        assertThat(as("liuyang").postForEntity(response, Map.of("response", "再答"), JsonNode.class).getBody().get("code").asText())
                .isEqualTo("rating-answered");
        JsonNode seen = as("zhangwei").getForObject("/api/v1/cases/" + number + "/rating", JsonNode.class);
        assertThat(seen.get("response").asText()).startsWith("已核实");
        assertThat(seen.get("respondedByName").asText()).isEqualTo("王芳");
        assertThat(as("wangfang").getForObject("/api/v1/ratings/follow-ups", JsonNode.class).findValuesAsText("caseNumber"))
                .as("open ones only").doesNotContain(number);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_audit_event WHERE subject = ? AND action IN ('CASE_RATED', 'RATING_ANSWERED')",
                Integer.class, number)).isEqualTo(2);
    }

    @Test
    void theAggregatesAreRightOnGeneratedRatings() {
        int[] levels = {5, 5, 4, 3, 2, 1, 1};
        for (int i = 0; i < levels.length; i++) {
            jdbc.update("INSERT INTO tb_rating (case_id, item_code, department, applicant, rating_level, reasons, rated_at, response) "
                    + "VALUES (?, 'TEST-RATINGS', 'DQ-TEST', 'zhangwei', ?, '', CURRENT_TIMESTAMP, ?)", -1000 - i, levels[i],
                    i == 5 ? "已整改" : null);
        }
        JsonNode summary = rest.getForObject("/api/v1/ratings/summary", JsonNode.class);
        JsonNode item = null;
        for (JsonNode row : summary.get("items")) {
            if (row.get("code").asText().equals("TEST-RATINGS")) {
                item = row;
            }
        }
        assertThat(item).isNotNull();
        assertThat(item.get("ratings").asLong()).isEqualTo(7);
        assertThat(item.get("average").asDouble()).isEqualTo(3.0);
        assertThat(item.get("levels").toString()).isEqualTo("[2,1,1,1,2]");
        assertThat(item.get("bad").asLong()).isEqualTo(3);
        assertThat(item.get("badAnswered").asLong()).isEqualTo(1);
        assertThat(summary.get("departments").findValuesAsText("code")).contains("DQ-TEST");
    }
}
