package org.tongban.licences;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.licences.internal.LicenceTemplates;
import org.tongban.support.ApiTestBase;

/**
 * Granting any sample item yields a licence the independent tools accept (issue 10, "done when"): the construction
 * permit (A4 landscape on a guilloche background image, after joint review) and the outdoor advertising permit (after
 * a weighted vote), besides the food licence of {@link LicenceDocumentTest}.
 */
class EveryItemLicenceTest extends ApiTestBase {

    @Autowired
    LicenceTemplates templates;

    @Test
    void theConstructionPermitOnItsLandscapeBackground() throws Exception {
        String number = grantedConstruction();
        byte[] pdf = checked("lina", number, "construction-permit", "德清县住房和城乡建设局");
        try (var document = Loader.loadPDF(pdf)) {
            var box = document.getPage(0).getMediaBox();
            assertThat(box.getWidth()).as("landscape").isGreaterThan(box.getHeight());
            assertThat(document.getPage(0).getResources().getXObjectNames()).as("the background image").isNotEmpty();
        }
    }

    @Test
    void theOutdoorAdvertisingPermit() throws Exception {
        String number = submitOutdoor("lina");
        actOk("shenjianguo", number, "acceptance", "ACCEPT", "材料齐全，予以受理");
        actOk("zhaolei", number, "jointReview", "AGREE", "符合户外广告设施设置规划");
        actOk("yaozhiqiang", number, "jointReview", "AGREE", "不影响交通信号及视距");
        actOk("shenjianguo", number, "decision", "GRANT", "准予设置");
        checked("lina", number, "outdoor-advertising", "德清县综合行政执法局");
    }

    /** The case's licence: PDF/A-2b, signed over the whole file, fonts embedded, undamaged, its QR code its link. */
    private byte[] checked(String holder, String number, String template, String issuer) throws Exception {
        JsonNode licence = awaitLicence(holder, number);
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_PDF));
        byte[] pdf = as(holder).exchange("/api/v1/cases/" + number + "/licence", HttpMethod.GET, new HttpEntity<>(headers), byte[].class).getBody();
        assertThat(PdfChecks.pdfA2bFailures(pdf)).isEmpty();
        var file = PdfChecks.file(pdf);
        assertThat(PdfChecks.run("pdfsig", file.toString())).contains("Signature Validation: Signature is Valid.",
                "Total document signed", "ETSI.CAdES.detached", issuer);
        PdfChecks.fontsEmbeddedAndUndamaged(file);
        assertThat(PdfChecks.qrText(pdf, templates.require(template).layout())).isEqualTo(licence.get("verificationUrl").asText());
        return pdf;
    }
}
