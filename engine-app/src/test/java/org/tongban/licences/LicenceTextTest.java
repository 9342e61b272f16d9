package org.tongban.licences;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.tongban.support.ApiTestBase;

/** Applicant text is data, never template: placeholders in form values reach the licence literally. */
class LicenceTextTest extends ApiTestBase {

    @Test
    void placeholdersInFormTextArePrintedLiterallyAndTheGrantSucceeds() throws Exception {
        var form = new HashMap<>(foodForm());
        form.put("operatorName", "${form.operatorName}"); // names itself: recursion used to fail every GRANT
        form.put("legalRepresentative", "${operatorName}");
        form.put("premisesAddress", "${creditCode}${creditCode}");
        form.put("businessScope", "${form.creditCode}${form.creditCode} $ { } ${");
        var submitted = submit("zhangwei", FOOD, form, Map.of("PREMISES_PROOF", pdfBytes(), "LAYOUT_PLAN", pdfBytes()));
        assertThat(submitted.getStatusCode().value()).as(String.valueOf(submitted.getBody())).isEqualTo(201);
        String number = submitted.getBody().get("caseNumber").asText();

        actOk("wangfang", number, "acceptance", "ACCEPT", null);
        actOk("liuyang", number, "review", "AGREE", "${form.creditCode}");
        actOk("liuyang", number, "inspection", "AGREE", "符合要求");
        actOk("wangfang", number, "decision", "GRANT", "准予许可");
        assertThat(caseOf("zhangwei", number).get("status").asText()).isEqualTo("GRANTED");

        JsonNode licence = awaitLicence("zhangwei", number);
        assertThat(licence.get("holderName").asText()).isEqualTo("${form.operatorName}");
        assertThat(licence.get("holderId").asText()).isEqualTo("91330521MA2B3C4D5Q");

        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_PDF));
        var pdf = as("zhangwei").exchange("/api/v1/cases/" + number + "/licence", HttpMethod.GET,
                new HttpEntity<>(headers), byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        try (var document = Loader.loadPDF(pdf.getBody())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("${form.operatorName}", "${operatorName}",
                    "${creditCode}${creditCode}", "${form.creditCode}${form.creditCode} $ { } ${",
                    licence.get("licenceNumber").asText());
        }
    }
}
