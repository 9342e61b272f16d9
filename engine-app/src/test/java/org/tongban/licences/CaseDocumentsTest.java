package org.tongban.licences;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.tongban.licences.internal.NoticeIssuer;
import org.tongban.support.ApiTestBase;

/**
 * Notices (文书, issue 10): 补正告知书, 受理通知书, 不予许可决定书 and 不予受理决定书 are issued after their steps commit,
 * from templates/notices/, signed in the licensing department's name, and only the applicant and staff who may see
 * the case list and download them.
 */
class CaseDocumentsTest extends ApiTestBase {

    @Autowired
    private NoticeIssuer issuer;

    @Test
    void correctionAcceptanceAndRefusalEachYieldTheirSignedNotice() throws Exception {
        String number = submitFood("zhangwei");
        assertThat(act("wangfang", taskOf("wangfang", number, "acceptance"), "REQUEST_CORRECTION", "请一次性补正以下材料：",
                List.of("布局图未标明仓库位置", "健康证明已过期")).getStatusCode().value()).isEqualTo(204);
        JsonNode first = awaitDocuments("zhangwei", number, 1);
        assertThat(first.get(0).get("kind").asText()).isEqualTo("CORRECTION_NOTICE");
        String correction = text(download("zhangwei", number, first.get(0).get("id").asLong()));
        assertThat(correction.replaceAll("\\s", "")).contains("补正材料告知书", "张伟：", number, "1.布局图未标明仓库位置",
                "2.健康证明已过期", "德清县市场监督管理局", "补字第");

        assertThat(resubmit(number).getStatusCode().value()).isEqualTo(200);
        actOk("wangfang", number, "acceptance", "ACCEPT", null);
        actOk("liuyang", number, "review", "DISAGREE", "经营场所与污染源距离不足");
        actOk("liuyang", number, "inspection", "DISAGREE", "现场核查不符合要求");
        actOk("wangfang", number, "decision", "REFUSE", "经营场所距离公共厕所不足25米，不符合《食品经营许可和备案管理办法》第十二条规定的条件");
        JsonNode all = awaitDocuments("zhangwei", number, 3);
        assertThat(all.findValuesAsText("kind")).containsExactly("CORRECTION_NOTICE", "ACCEPTANCE_NOTICE", "REFUSAL_DECISION");
        assertThat(all.findValuesAsText("issuer")).containsOnly("德清县市场监督管理局");
        assertThat(all.findValuesAsText("documentNumber")).doesNotHaveDuplicates();

        String acceptance = text(download("zhangwei", number, all.get(1).get("id").asLong())).replaceAll("\\s", "");
        assertThat(acceptance).contains("受理通知书", "决定予以受理", "10个工作日", number, "受字第");
        byte[] refusal = download("zhangwei", number, all.get(2).get("id").asLong());
        assertThat(text(refusal).replaceAll("\\s", "")).contains("不予行政许可决定书", "距离公共厕所不足25米", "行政复议", "不许字第");
        assertThat(sha256(refusal)).isEqualTo(all.get(2).get("sha256").asText());

        // independent tools: PDF/A-2b, a valid signature over the whole file, fonts embedded, no damage
        assertThat(PdfChecks.pdfA2bFailures(refusal)).isEmpty();
        var file = PdfChecks.file(refusal);
        assertThat(PdfChecks.run("pdfsig", file.toString())).contains("Signature Validation: Signature is Valid.",
                "Total document signed", "ETSI.CAdES.detached", "德清县市场监督管理局");
        PdfChecks.fontsEmbeddedAndUndamaged(file);

        // staff of the department see them too; each download is audited
        assertThat(list("wangfang", number).getBody()).hasSize(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_audit_event WHERE action = 'DOCUMENT_DOWNLOADED' AND detail LIKE ?",
                Integer.class, "case " + number + "%")).isEqualTo(3);

        // a repeated delivery of a step's event finds its notice and issues nothing
        long caseId = jdbc.queryForObject("SELECT id FROM tb_case WHERE case_number = ?", Long.class, number);
        Instant refusedAt = jdbc.queryForObject("SELECT acted_at FROM tb_case_document WHERE case_id = ? AND kind = 'REFUSAL_DECISION'",
                java.sql.Timestamp.class, caseId).toInstant();
        assertThat(issuer.issue(DocumentKind.REFUSAL_DECISION, caseId, refusedAt)).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_case_document WHERE case_id = ?", Integer.class, caseId)).isEqualTo(3);
    }

    @Test
    void aRejectionAtTheWindowYieldsTheDecisionWithItsReason() throws Exception {
        String number = submitConstruction("lina");
        actOk("chenjing", number, "acceptance", "REJECT", "该项目不属于本机关职权范围，请向湖州市住房和城乡建设局申请");
        JsonNode documents = awaitDocuments("lina", number, 1);
        assertThat(documents.get(0).get("kind").asText()).isEqualTo("REJECTION_DECISION");
        assertThat(documents.get(0).get("issuer").asText()).isEqualTo("德清县住房和城乡建设局");
        String text = text(download("lina", number, documents.get(0).get("id").asLong())).replaceAll("\\s", "");
        assertThat(text).contains("不予受理决定书", "李娜：", "湖州市住房和城乡建设局申请", "六十日内", "不受字第");
    }

    @Test
    void aLongCorrectionListContinuesOnTheNextPageWithTheSealAndSignatureOnTheLast() throws Exception {
        String number = submitFood("zhangwei");
        var corrections = new java.util.ArrayList<String>();
        for (int i = 1; i <= 16; i++) {
            corrections.add("第" + i + "项：请补充经营场所平面布局图，标明加工操作间、仓库、更衣室、清洗消毒区的位置和面积，并由经营者签字盖章确认");
        }
        assertThat(act("wangfang", taskOf("wangfang", number, "acceptance"), "REQUEST_CORRECTION", null, corrections)
                .getStatusCode().value()).isEqualTo(204);
        byte[] pdf = download("zhangwei", number, awaitDocuments("zhangwei", number, 1).get(0).get("id").asLong());
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            var widget = document.getSignatureFields().get(0).getWidgets().get(0);
            assertThat(document.getPage(1).getAnnotations()).as("the signature's widget is on the last page")
                    .anySatisfy(a -> assertThat(a.getCOSObject()).isSameAs(widget.getCOSObject()));
            assertThat(document.getPage(0).getAnnotations()).isEmpty();
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s", "")).contains("16.第16项");
        }
        assertThat(PdfChecks.run("pdfsig", PdfChecks.file(pdf).toString())).contains("Signature is Valid.", "Total document signed");
    }

    @Test
    void aRecalledAcceptanceVoidsItsNoticeAndTheNextAcceptanceIssuesANewOne() {
        String number = submitFood("zhangwei");
        actOk("wangfang", number, "acceptance", "ACCEPT", null);
        long first = awaitDocuments("zhangwei", number, 1).get(0).get("id").asLong();
        var recall = as("wangfang").postForEntity("/api/v1/cases/" + number + "/recall", Map.of("reason", "受理意见有误，撤回重新受理"),
                JsonNode.class);
        assertThat(recall.getStatusCode().value()).as(String.valueOf(recall.getBody())).isEqualTo(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (list("zhangwei", number).getBody().get(0).path("voidedAt").isMissingNode()) {
            assertThat(System.nanoTime()).as("the recalled step's notice is voided").isLessThan(deadline);
            Thread.onSpinWait();
        }
        actOk("wangfang", number, "acceptance", "ACCEPT", null);
        JsonNode both = awaitDocuments("zhangwei", number, 2);
        assertThat(both.get(0).get("id").asLong()).isEqualTo(first);
        assertThat(both.get(0).hasNonNull("voidedAt")).isTrue();
        assertThat(both.get(1).hasNonNull("voidedAt")).as("the new acceptance's notice stands").isFalse();
    }

    @Test
    void nobodyElseListsOrDownloadsACasesNotices() {
        String number = submitFood("zhangwei");
        actOk("wangfang", number, "acceptance", "ACCEPT", null);
        long id = awaitDocuments("zhangwei", number, 1).get(0).get("id").asLong();
        String other = submitFood("lina");
        actOk("wangfang", other, "acceptance", "ACCEPT", null);
        long othersId = awaitDocuments("lina", other, 1).get(0).get("id").asLong();

        assertThat(list("lina", number).getStatusCode().value()).as("another applicant").isEqualTo(404);
        assertThat(get("lina", number, id).getStatusCode().value()).isEqualTo(404);
        assertThat(get("chenjing", number, id).getStatusCode().value()).as("another department").isEqualTo(404);
        assertThat(get("zhangwei", number, othersId).getStatusCode().value()).as("another case's notice under my case").isEqualTo(404);
        assertThat(get("zhangwei", number, othersId).getBody()).contains("document-not-found");
        var badId = as("zhangwei").getForEntity("/api/v1/cases/" + number + "/documents/1%20OR%201=1", String.class);
        assertThat(badId.getStatusCode().value()).isEqualTo(400);
        assertThat(badId.getBody()).doesNotContain("Exception");
        assertThat(rest.getForEntity("/api/v1/cases/" + number + "/documents", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(rest.getForEntity("/api/v1/cases/" + number + "/documents/" + id, String.class).getStatusCode().value()).isEqualTo(401);
    }

    private ResponseEntity<JsonNode> list(String user, String number) {
        return as(user).getForEntity("/api/v1/cases/" + number + "/documents", JsonNode.class);
    }

    private ResponseEntity<String> get(String user, String number, long id) {
        return as(user).getForEntity("/api/v1/cases/" + number + "/documents/" + id, String.class);
    }

    /** The case's notices once {@code count} are issued: they follow their steps' commits, so it may take a moment. */
    private JsonNode awaitDocuments(String user, String number, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            var response = list(user, number);
            assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
            if (response.getBody().size() >= count) {
                assertThat(response.getBody()).hasSize(count);
                return response.getBody();
            }
            assertThat(System.nanoTime()).as(count + " notices of " + number + " not issued within 30 s").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private byte[] download(String user, String number, long id) {
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_PDF));
        var response = as(user).exchange("/api/v1/cases/" + number + "/documents/" + id, HttpMethod.GET,
                new HttpEntity<>(headers), byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentDisposition().getFilename()).startsWith(number + "-");
        return response.getBody();
    }

    private static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private ResponseEntity<JsonNode> resubmit(String number) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("application", toJson(Map.of("form", Map.of())));
        body.add("LAYOUT_PLAN", file("布局图-修订.pdf", pdfBytes()));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as("zhangwei").exchange("/api/v1/cases/" + number + "/resubmission", HttpMethod.POST,
                new HttpEntity<>(body, headers), JsonNode.class);
    }
}
