package org.tongban.licences;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.tongban.support.ApiTestBase;

/** A designer previews an item's licence template as a sample PDF; nobody else may. */
class LicencePreviewTest extends ApiTestBase {

    private static final String PREVIEW = "/api/v1/items/FOOD-BUSINESS-LICENCE/licence-preview";

    @Test
    void theDesignerSeesTheTemplateWithFieldLabelsAndNothingIsIssued() throws Exception {
        int licences = jdbc.queryForObject("SELECT COUNT(*) FROM tb_licence", Integer.class);
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_PDF));
        var preview = as("wujun").exchange(PREVIEW, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        assertThat(preview.getStatusCode().value()).isEqualTo(200);
        assertThat(preview.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline");
        try (var document = Loader.loadPDF(preview.getBody())) {
            assertThat(new PDFTextStripper().getText(document)).contains("食品经营许可证", "〈经营者名称〉", "〈经营场所〉",
                    "1.2.156.3005.2.0301.11330521002500017K.00000001.1.");
            assertThat(document.getSignatureDictionaries()).hasSize(1);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_licence", Integer.class)).isEqualTo(licences);
        assertThat(as("wangfang").exchange(PREVIEW, HttpMethod.GET, new HttpEntity<>(headers), String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(rest.exchange(PREVIEW, HttpMethod.GET, new HttpEntity<>(headers), String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void theDesignerPreviewsEachNoticeInTheLicensingDepartmentsName() throws Exception {
        int documents = jdbc.queryForObject("SELECT COUNT(*) FROM tb_case_document", Integer.class);
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_PDF));
        for (String kind : List.of("ACCEPTANCE_NOTICE", "CORRECTION_NOTICE", "REJECTION_DECISION", "REFUSAL_DECISION")) {
            var preview = as("wujun").exchange("/api/v1/items/CONSTRUCTION-PERMIT/notice-preview/" + kind, HttpMethod.GET,
                    new HttpEntity<>(headers), byte[].class);
            assertThat(preview.getStatusCode().value()).isEqualTo(200);
            try (var document = Loader.loadPDF(preview.getBody())) {
                assertThat(new PDFTextStripper().getText(document)).contains("〈申请人〉", "建筑工程施工许可", "德清县住房和城乡建设局");
                assertThat(document.getSignatureDictionaries()).hasSize(1);
            }
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_case_document", Integer.class)).isEqualTo(documents);
        var unknown = as("wujun").getForEntity("/api/v1/items/CONSTRUCTION-PERMIT/notice-preview/LICENCE", String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(as("lina").getForEntity("/api/v1/items/CONSTRUCTION-PERMIT/notice-preview/ACCEPTANCE_NOTICE", String.class)
                .getStatusCode().value()).isEqualTo(403);
    }
}
