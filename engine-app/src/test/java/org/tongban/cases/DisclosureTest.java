package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tongban.support.ApiTestBase;

/**
 * 办件公示 (issue 11): concluded decisions are public, newest first; a person's name is masked to the surname, a legal
 * person's shown in full; open cases, form data and opinions are not there.
 */
class DisclosureTest extends ApiTestBase {

    @Test
    void concludedDecisionsArePublicWithPersonalNamesMasked() {
        String open = submitFood("zhangwei");
        String rejected = submitFood("zhangwei");
        actOk("wangfang", rejected, "acceptance", "REJECT", "申请事项不属于本机关职权范围（内部意见）");

        JsonNode page = rest.getForObject("/api/v1/disclosure?itemCode=" + FOOD + "&size=50", JsonNode.class);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode mine = null;
        for (JsonNode item : page.get("items")) {
            if (item.get("caseNumber").asText().equals(rejected)) {
                mine = item;
            }
            assertThat(item.get("itemCode").asText()).isEqualTo(FOOD);
        }
        assertThat(mine).as(rejected + " listed").isNotNull();
        assertThat(mine.get("result").asText()).isEqualTo("REJECTED");
        assertThat(mine.get("applicantName").asText()).isEqualTo("张*");
        assertThat(mine.get("department").asText()).isEqualTo("德清县市场监督管理局");
        assertThat(page.toString()).doesNotContain("张伟", "内部意见", "330521", open);

        assertThat(rest.getForEntity("/api/v1/disclosure?size=51", JsonNode.class).getBody().at("/errors/0/field").asText()).isEqualTo("size");
        assertThat(rest.getForEntity("/api/v1/disclosure?page=-1", JsonNode.class).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aLegalPersonsNameIsPublishedInFull() {
        var submitted = submit("mgswenlv", "OUTDOOR-ADVERTISING", java.util.Map.of("applicantName", "德清县莫干山文旅发展有限公司",
                        "creditCode", "91330521MA29K7LX1A", "contactPhone", "13957231234",
                        "siteAddress", "浙江省湖州市德清县莫干山镇环山路1号", "facilityType", "SHOP_SIGN", "widthMetres", 3, "heightMetres", 1,
                        "periodMonths", 12, "lighting", "NO", "contentSummary", "店招"),
                java.util.Map.of("SITE_RIGHT", pdfBytes(), "DESIGN", pdfBytes(), "SAFETY", pdfBytes()));
        assertThat(submitted.getStatusCode().value()).as(String.valueOf(submitted.getBody())).isEqualTo(201);
        String number = submitted.getBody().get("caseNumber").asText();
        actOk("shenjianguo", number, "acceptance", "REJECT", "设置地点位于禁设区域");
        JsonNode page = rest.getForObject("/api/v1/disclosure?itemCode=OUTDOOR-ADVERTISING&size=50", JsonNode.class);
        assertThat(page.toString()).contains(number, "德清县莫干山文旅发展有限公司");
    }
}
