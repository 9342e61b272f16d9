package org.tongban.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.tongban.shared.ChinaTime;
import org.tongban.support.ApiTestBase;

/**
 * Supervision statistics (issue 11, "done when") on cases generated through the API with the clock set in March
 * 2026, a month no other test uses: counts, rates and ratings per item, per department and in total, and the same
 * numbers in the CSV and XLSX exports; bad periods are field errors; only supervisors see any of it.
 */
class SupervisionStatisticsTest extends ApiTestBase {

    private static final String PERIOD = "from=2026-03-01&to=2026-03-31";

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private void at(int day, int hour) {
        clock.set(ZonedDateTime.of(LocalDate.of(2026, 3, day).atTime(hour, 0), ChinaTime.ZONE).toInstant());
    }

    private ResponseEntity<JsonNode> rate(String number, int level, List<String> reasons) {
        return as("zhangwei").postForEntity("/api/v1/cases/" + number + "/rating", Map.of("level", level, "reasons", reasons), JsonNode.class);
    }

    private static JsonNode row(JsonNode report, String code) {
        for (JsonNode row : report.get("rows")) {
            if (row.get("code").asText().equals(code)) {
                return row;
            }
        }
        throw new AssertionError(code + " not in " + report);
    }

    /** A: on time in 3 working days, rated 5. B: corrected before acceptance, refused after 20 working days, rated 1. C: waiting. D: outdoor, in person. */
    private void generate() {
        at(2, 10);
        String a = submitFood("zhangwei");
        actOk("wangfang", a, "acceptance", "ACCEPT", null);
        String b = submitFood("zhangwei");
        assertThat(act("wangfang", taskOf("wangfang", b, "acceptance"), "REQUEST_CORRECTION", null, List.of("布局图不清晰"))
                .getStatusCode().value()).isEqualTo(204);
        String d = submitOutdoor("lina");
        actOk("shenjianguo", d, "acceptance", "ACCEPT", "原件已在窗口核验");
        at(3, 10);
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("application", toJson(Map.of("form", Map.of())));
        body.add("LAYOUT_PLAN", file("布局图-修订.pdf", pdfBytes()));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        assertThat(as("zhangwei").exchange("/api/v1/cases/" + b + "/resubmission", HttpMethod.POST, new HttpEntity<>(body, headers),
                JsonNode.class).getStatusCode().value()).isEqualTo(200);
        actOk("wangfang", b, "acceptance", "ACCEPT", null);
        at(5, 15);
        actOk("liuyang", a, "review", "AGREE", "同意");
        actOk("liuyang", a, "inspection", "AGREE", "符合要求");
        actOk("wangfang", a, "decision", "GRANT", "准予许可");
        actOk("zhaolei", d, "jointReview", "AGREE", "符合户外广告设施设置规划");
        actOk("yaozhiqiang", d, "jointReview", "AGREE", "不影响交通信号及视距");
        actOk("shenjianguo", d, "decision", "GRANT", "准予设置");
        at(10, 9);
        submitFood("zhangwei");
        at(31, 16);
        actOk("liuyang", b, "review", "DISAGREE", "经营场所与污染源距离不足");
        actOk("liuyang", b, "inspection", "DISAGREE", "现场核查不符合要求");
        actOk("wangfang", b, "decision", "REFUSE", "不符合《食品经营许可和备案管理办法》第十二条规定的条件");
        assertThat(rate(a, 5, List.of("FAST")).getStatusCode().value()).isEqualTo(201);
        assertThat(rate(b, 1, List.of("OVERDUE")).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aMonthOfGeneratedCasesCountsRightPerItemDepartmentAndInTotalAndExportsTheSame() throws Exception {
        // other tests' March cases would change the counts: none may exist before
        jdbc.update("DELETE FROM tb_rating WHERE rated_at >= ? AND rated_at < ?", java.sql.Timestamp.from(Instant.parse("2026-02-28T16:00:00Z")),
                java.sql.Timestamp.from(Instant.parse("2026-03-31T16:00:00Z")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_case WHERE submitted_at >= ? AND submitted_at < ?", Integer.class,
                java.sql.Timestamp.from(Instant.parse("2026-02-28T16:00:00Z")), java.sql.Timestamp.from(Instant.parse("2026-03-31T16:00:00Z"))))
                .isZero();
        generate();

        JsonNode byItem = as("zhengli").getForObject("/api/v1/supervision/statistics?" + PERIOD, JsonNode.class);
        JsonNode food = row(byItem, FOOD);
        assertThat(food.get("nameZh").asText()).isEqualTo("食品经营许可");
        assertThat(food.get("received").asLong()).isEqualTo(3);
        assertThat(food.get("accepted").asLong()).isEqualTo(2);
        assertThat(food.get("concluded").asLong()).isEqualTo(2);
        assertThat(food.get("onTimeRate").asDouble()).as("A in 3 working days, B in 20 of 10").isEqualTo(0.5);
        assertThat(food.get("averageWorkingDays").asDouble()).isEqualTo(11.5);
        assertThat(food.get("fullyOnlineRate").asDouble()).isEqualTo(1.0);
        assertThat(food.get("correctionRate").asDouble()).isEqualTo(0.3333);
        assertThat(food.get("ratings").asLong()).isEqualTo(2);
        assertThat(food.get("averageRating").asDouble()).isEqualTo(3.0);
        assertThat(food.get("badRatings").asLong()).isEqualTo(1);
        JsonNode outdoor = row(byItem, "OUTDOOR-ADVERTISING");
        assertThat(outdoor.get("onTimeRate").asDouble()).isEqualTo(1.0);
        assertThat(outdoor.get("averageWorkingDays").asDouble()).as("3-02 to 3-05").isEqualTo(3.0);
        assertThat(outdoor.get("fullyOnlineRate").asDouble()).as("the window checks the originals in person").isEqualTo(0.0);
        assertThat(outdoor.get("correctionRate").asDouble()).isEqualTo(0.0);
        assertThat(outdoor.hasNonNull("averageRating")).as("no ratings").isFalse();
        JsonNode total = byItem.get("total");
        assertThat(total.get("received").asLong()).isEqualTo(4);
        assertThat(total.get("concluded").asLong()).isEqualTo(3);
        assertThat(total.get("onTimeRate").asDouble()).isEqualTo(0.6667);
        assertThat(total.get("fullyOnlineRate").asDouble()).isEqualTo(0.6667);

        JsonNode byDepartment = as("zhengli").getForObject("/api/v1/supervision/statistics?by=department&" + PERIOD, JsonNode.class);
        assertThat(row(byDepartment, "DQ-SCJG").get("received").asLong()).isEqualTo(3);
        assertThat(row(byDepartment, "DQ-SCJG").get("nameZh").asText()).contains("市场监督管理局");
        assertThat(row(byDepartment, "DQ-ZHZF").get("concluded").asLong()).isEqualTo(1);

        // the exports carry the same numbers
        var csvHeaders = new HttpHeaders();
        csvHeaders.set(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN");
        var csv = as("zhengli").exchange("/api/v1/supervision/statistics/export?format=csv&" + PERIOD, HttpMethod.GET,
                new HttpEntity<>(csvHeaders), byte[].class);
        assertThat(csv.getStatusCode().value()).as(new String(csv.getBody() == null ? new byte[0] : csv.getBody(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("tongban-statistics-item-2026-03-01-2026-03-31.csv");
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF\"编码\",\"名称\",\"收件\"");
        assertThat(text).contains("\"FOOD-BUSINESS-LICENCE\",\"食品经营许可\",3,2,2,0.5,11.5,1.0,0.3333,2,3.0,1");
        assertThat(text).contains("\"TOTAL\",\"合计\",4,");
        byte[] xlsx = as("zhengli").getForObject("/api/v1/supervision/statistics/export?format=xlsx&" + PERIOD, byte[].class);
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isIn("编码", "Code");
            boolean found = false;
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                if (row.getCell(0).getStringCellValue().equals(FOOD)) {
                    found = true;
                    assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(3.0);
                    assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(0.5);
                    assertThat(row.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
                    assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(11.5);
                }
            }
            assertThat(found).isTrue();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_audit_event WHERE action = 'STATISTICS_EXPORTED' AND actor = 'zhengli'",
                Integer.class)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void badPeriodsAreFieldErrorsAndOnlySupervisorsSeeStatistics() {
        var reversed = as("zhengli").getForEntity("/api/v1/supervision/statistics?from=2026-03-31&to=2026-03-01", JsonNode.class);
        assertThat(reversed.getStatusCode().value()).isEqualTo(400);
        assertThat(reversed.getBody().at("/errors/0/field").asText()).isEqualTo("to");
        var bad = as("zhengli").getForEntity("/api/v1/supervision/statistics?from=2026-13-01&by=week", JsonNode.class);
        assertThat(bad.getBody().findValuesAsText("field")).containsExactlyInAnyOrder("from", "by");
        assertThat(as("zhengli").getForEntity("/api/v1/supervision/statistics?from=2020-01-01&to=2026-01-01", JsonNode.class)
                .getBody().at("/errors/0/code").asText()).isEqualTo("period-too-long");
        assertThat(as("zhengli").getForEntity("/api/v1/supervision/statistics/export?format=pdf", JsonNode.class)
                .getBody().at("/errors/0/field").asText()).isEqualTo("format");
        assertThat(as("wangfang").getForEntity("/api/v1/supervision/statistics", String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(as("zhangwei").getForEntity("/api/v1/supervision/statistics/export", String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(rest.getForEntity("/api/v1/supervision/statistics", String.class).getStatusCode().value()).isEqualTo(401);
    }
}
