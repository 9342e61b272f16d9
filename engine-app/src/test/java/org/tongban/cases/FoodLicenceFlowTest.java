package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.tongban.support.ApiTestBase;

/** 食品经营许可 from application to downloaded licence, through a correction round. */
class FoodLicenceFlowTest extends ApiTestBase {

    @Test
    void applicationWithCorrectionIsGrantedAndTheHolderDownloadsAChineseLicencePdf() throws Exception {
        var submitted = submit("zhangwei", FOOD, foodForm(), Map.of("PREMISES_PROOF", pdfBytes(), "LAYOUT_PLAN", pdfBytes()));
        assertThat(submitted.getStatusCode().value()).isEqualTo(201);
        String number = submitted.getBody().get("caseNumber").asText();
        String queryCode = submitted.getBody().get("queryCode").asText();
        assertThat(number).matches("TB\\d{14}");
        assertThat(caseOf("zhangwei", number).get("status").asText()).isEqualTo("SUBMITTED");

        // 补正: one notice listing everything; the case waits for the applicant
        var correction = act("wangfang", taskOf("wangfang", number, "acceptance"), "REQUEST_CORRECTION", null,
                List.of("经营场所使用证明（租赁合同）缺少出租方签章", "布局图未标明仓库位置"));
        assertThat(correction.getStatusCode().value()).isEqualTo(204);
        JsonNode waiting = caseOf("zhangwei", number);
        assertThat(waiting.get("status").asText()).isEqualTo("CORRECTION_REQUESTED");
        assertThat(waiting.get("correctionNotice").asText()).contains("1. 经营场所使用证明").contains("2. 布局图未标明仓库位置");

        var body = new LinkedMultiValueMap<String, Object>();
        body.add("application", toJson(Map.of("form", Map.of("premisesAddress", "浙江省湖州市德清县禹越镇杭海路88号1幢"))));
        body.add("LAYOUT_PLAN", file("布局图-修订.pdf", pdfBytes()));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var resubmitted = as("zhangwei").exchange("/api/v1/cases/" + number + "/resubmission", HttpMethod.POST,
                new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(resubmitted.getStatusCode().value()).as(String.valueOf(resubmitted.getBody())).isEqualTo(200);
        assertThat(resubmitted.getBody().get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(resubmitted.getBody().at("/formData/premisesAddress").asText()).endsWith("1幢");
        assertThat(resubmitted.getBody().get("materials")).hasSize(2);
        assertThat(resubmitted.getBody().at("/currentSteps/0/stepKey").asText()).isEqualTo("acceptance");

        actOk("wangfang", number, "acceptance", "ACCEPT", "材料齐全，予以受理");
        assertThat(caseOf("zhangwei", number).get("status").asText()).isEqualTo("ACCEPTED");
        actOk("liuyang", number, "review", "AGREE", "申请材料符合法定形式");
        actOk("liuyang", number, "inspection", "AGREE", "现场核查：布局合理，设施符合要求");
        actOk("wangfang", number, "decision", "GRANT", "准予许可");

        JsonNode granted = caseOf("zhangwei", number);
        assertThat(granted.get("status").asText()).isEqualTo("GRANTED");
        assertThat(granted.get("concludedAt").isNull()).isFalse();
        assertThat(granted.get("currentSteps")).isEmpty();

        // history: who, which department, what, when, opinion
        JsonNode history = as("zhangwei").getForObject("/api/v1/cases/" + number + "/history", JsonNode.class);
        assertThat(history.findValuesAsText("action")).containsExactly("SUBMIT", "REQUEST_CORRECTION", "RESUBMIT",
                "ACCEPT", "AGREE", "AGREE", "GRANT");
        assertThat(history.get(3).get("actorName").asText()).isEqualTo("王芳");
        assertThat(history.get(3).get("department").asText()).isEqualTo("DQ-SCJG");
        assertThat(history.get(5).get("opinion").asText()).startsWith("现场核查");

        JsonNode licence = awaitLicence("zhangwei", number);
        assertThat(licence.get("licenceNumber").asText()).startsWith("JY13305210");
        assertThat(caseOf("zhangwei", number).get("licence").toString()).isEqualTo(
                "{\"status\":\"ISSUED\",\"licenceNumber\":\"" + licence.get("licenceNumber").asText() + "\"}");
        assertThat(licence.get("holderName").asText()).isEqualTo("德清县禹越镇味香餐饮有限公司");

        var pdfHeaders = new HttpHeaders();
        pdfHeaders.setAccept(List.of(MediaType.APPLICATION_PDF));
        var pdf = as("zhangwei").exchange("/api/v1/cases/" + number + "/licence", HttpMethod.GET,
                new HttpEntity<>(pdfHeaders), byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        try (var document = Loader.loadPDF(pdf.getBody())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("食品经营许可证", "德清县禹越镇味香餐饮有限公司", "餐饮服务经营者",
                    licence.get("licenceNumber").asText(), "德清县市场监督管理局");
            PDFont font = document.getPage(0).getResources().getFont(
                    document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).contains("+NotoSerifSC"); // a subset: tag prefix before the name
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_audit_event WHERE action = 'LICENCE_DOWNLOADED' AND subject = ?",
                Integer.class, licence.get("licenceNumber").asText())).isEqualTo(1);

        // others: another applicant sees neither the case nor the licence; the public progress needs the query code
        assertThat(as("lina").getForEntity("/api/v1/cases/" + number + "/licence", JsonNode.class).getStatusCode().value()).isEqualTo(404);
        JsonNode progress = rest.getForObject("/api/v1/progress?caseNumber=" + number + "&queryCode=" + queryCode, JsonNode.class);
        assertThat(progress.get("status").asText()).isEqualTo("GRANTED");
        assertThat(progress.toString()).doesNotContain("zhangwei").doesNotContain("王芳");
        assertThat(rest.getForEntity("/api/v1/progress?caseNumber=" + number + "&queryCode=WRONG123", JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);

        // 已办: the approver's done list holds the steps they completed
        JsonNode done = as("liuyang").getForObject("/api/v1/tasks/done", JsonNode.class).get("items");
        assertThat(done.findValuesAsText("caseNumber")).contains(number);
    }

    @Test
    void rejectionAtTheWindowAndRefusalAtDecisionConcludeWithoutLicence() {
        String rejected = submitFood("zhangwei");
        var noReason = act("wangfang", taskOf("wangfang", rejected, "acceptance"), "REJECT", " ", null);
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        actOk("wangfang", rejected, "acceptance", "REJECT", "申请事项不属于本机关职权范围");
        assertThat(caseOf("zhangwei", rejected).get("status").asText()).isEqualTo("REJECTED");

        String refused = submitFood("zhangwei");
        actOk("wangfang", refused, "acceptance", "ACCEPT", null);
        actOk("wangfang", refused, "review", "DISAGREE", "经营场所与有毒有害场所距离不足25米");
        actOk("wangfang", refused, "inspection", "DISAGREE", "现场核查不符合要求");
        actOk("wangfang", refused, "decision", "REFUSE", "不符合《食品经营许可和备案管理办法》第十二条规定的条件");
        assertThat(caseOf("zhangwei", refused).get("status").asText()).isEqualTo("REFUSED");
        assertThat(as("zhangwei").getForEntity("/api/v1/cases/" + refused + "/licence", JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(caseOf("zhangwei", refused).has("licence")).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_licence l JOIN tb_case c ON c.id = l.case_id WHERE c.case_number IN (?, ?)",
                Integer.class, rejected, refused)).isZero();
    }
}
