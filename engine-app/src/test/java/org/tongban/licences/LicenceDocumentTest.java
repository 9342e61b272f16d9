package org.tongban.licences;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tongban.licences.internal.LicenceIdentifier;
import org.tongban.licences.internal.LicenceTemplates;
import org.tongban.support.ApiTestBase;

/**
 * An issued licence as independent tools see it (issue 10): veraPDF says PDF/A-2b, poppler's pdfsig says the
 * signature is valid over the whole file, pdffonts shows every font embedded, qpdf finds no damage, the QR code decodes
 * to the public verification URL, and one changed byte makes the verification fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LicenceDocumentTest extends ApiTestBase {

    @Autowired
    LicenceTemplates templates;

    private byte[] pdf;
    private Path file;
    private JsonNode licence;

    @BeforeAll
    void issue() throws Exception {
        String number = grantedFood();
        licence = awaitLicence("zhangwei", number);
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_PDF));
        pdf = as("zhangwei").exchange("/api/v1/cases/" + number + "/licence", HttpMethod.GET, new HttpEntity<>(headers), byte[].class).getBody();
        file = Files.createTempFile("licence", ".pdf");
        Files.write(file, pdf);
    }

    @Test
    void veraPdfFindsItPdfA2b() throws Exception {
        assertThat(PdfChecks.pdfA2bFailures(pdf)).isEmpty();
    }

    @Test
    void pdfsigFindsOneValidSignatureOverTheWholeFile() throws Exception {
        String out = PdfChecks.run("pdfsig", file.toString());
        assertThat(out).contains("Signature Validation: Signature is Valid.", "Total document signed")
                .contains("ETSI.CAdES.detached").contains("德清县市场监督管理局");
    }

    @Test
    void everyFontIsEmbeddedAndQpdfFindsNoDamage() throws Exception {
        PdfChecks.fontsEmbeddedAndUndamaged(file);
    }

    @Test
    void theQrCodeLeadsToTheVerificationOfThisLicence() throws Exception {
        String url = PdfChecks.qrText(pdf, templates.require("food-business-licence").layout());
        assertThat(url).matches("http://localhost:8080/verify/[A-Za-z0-9_-]{27}");
        String token = url.substring(url.lastIndexOf('/') + 1);
        JsonNode verified = rest.getForObject("/api/v1/verification/" + token, JsonNode.class);
        assertThat(verified.get("licenceNumber").asText()).isEqualTo(licence.get("licenceNumber").asText());
        assertThat(verified.get("status").asText()).isEqualTo("VALID");
        assertThat(LicenceIdentifier.valid(verified.get("identifier").asText())).as(verified.get("identifier").asText()).isTrue();
        assertThat(verified.get("identifier").asText()).startsWith("1.2.156.3005.2.0301.11330521002500017K.");
        assertThat(verified.toString()).as("no personal data of the applicant").doesNotContain("330521199202261011");
        try (var document = Loader.loadPDF(pdf)) {
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("<pdfaid:part>2</pdfaid:part>", "<tbl:licenceIdentifier>" + verified.get("identifier").asText(),
                    "<tbl:holderIdType>统一社会信用代码</tbl:holderIdType>");
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains(verified.get("identifier").asText());
        }

        assertThat(check(token, pdf).get("authentic").asBoolean()).isTrue();
        // one changed byte inside the signed content: not authentic, and the signature no longer verifies
        byte[] changed = pdf.clone();
        int at = pdf.length / 3;
        changed[at] = (byte) (changed[at] == '0' ? '1' : '0');
        JsonNode tampered = check(token, changed);
        assertThat(tampered.get("authentic").asBoolean()).isFalse();
        assertThat(tampered.get("sha256").asText()).isNotEqualTo(licence.get("sha256").asText());
        assertThat(check(token, "not a pdf".getBytes()).get("authentic").asBoolean()).isFalse();
        assertThat(rest.getForEntity("/api/v1/verification/AAAAAAAAAAAAAAAAAAAAAAAAAAA", String.class).getStatusCode().value()).isEqualTo(404);
        var huge = new HttpHeaders();
        huge.setContentType(MediaType.APPLICATION_PDF);
        var tooLarge = rest.postForEntity("/api/v1/verification/" + token + "/document",
                new HttpEntity<>(new byte[LicenceVerification.MAX_DOCUMENT_BYTES + 1], huge), JsonNode.class);
        assertThat(tooLarge.getStatusCode().value()).isEqualTo(400);
        assertThat(tooLarge.getBody().at("/errors/0/code").asText()).isEqualTo("document-too-large");
        assertThat(rest.getForEntity("/api/v1/verification/../../cases", String.class).getStatusCode().value()).isIn(400, 401, 404);
    }

    private JsonNode check(String token, byte[] body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        ResponseEntity<JsonNode> response = rest.postForEntity("/api/v1/verification/" + token + "/document",
                new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
        return response.getBody();
    }
}
