package org.tongban.licences;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.tongban.licences.internal.LicenceIdentifier;
import org.tongban.support.ApiTestBase;

/** 延续: a renewal is a new version with the same number; the old one is superseded everywhere. */
class LicenceRenewalTest extends ApiTestBase {

    private static String token(JsonNode licence) {
        return licence.get("verificationUrl").asText().replaceAll(".*/", "");
    }

    @Test
    void aRenewalIsANewVersionAndTheOldOneIsSuperseded() throws Exception {
        String number = grantedFood();
        JsonNode first = awaitLicence("zhangwei", number);
        String renewal = "/api/v1/cases/" + number + "/licence/renewal";

        assertThat(as("zhangwei").postForEntity(renewal, null, JsonNode.class).getStatusCode().value()).as("the holder").isEqualTo(403);
        var renewed = as("wangfang").postForEntity(renewal, null, JsonNode.class);
        assertThat(renewed.getStatusCode().value()).as(String.valueOf(renewed.getBody())).isEqualTo(200);
        JsonNode second = renewed.getBody();
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(second.get("licenceNumber").asText()).isEqualTo(first.get("licenceNumber").asText());
        assertThat(LocalDate.parse(second.get("validUntil").asText()))
                .isEqualTo(LocalDate.parse(first.get("validUntil").asText()).plusYears(5));
        String oldId = first.get("identifier").asText();
        String newId = second.get("identifier").asText();
        assertThat(LicenceIdentifier.valid(newId)).isTrue();
        // the same serial: only the version and the check character differ
        assertThat(newId.substring(0, newId.lastIndexOf('.', newId.length() - 3))).isEqualTo(oldId.substring(0, oldId.lastIndexOf('.', oldId.length() - 3)));
        assertThat(newId).contains(".2.").isNotEqualTo(oldId);
        assertThat(token(second)).isNotEqualTo(token(first));

        assertThat(rest.getForObject("/api/v1/verification/" + token(first), JsonNode.class).get("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(rest.getForObject("/api/v1/verification/" + token(second), JsonNode.class).get("status").asText()).isEqualTo("VALID");
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_PDF));
        byte[] pdf = as("zhangwei").exchange("/api/v1/cases/" + number + "/licence", HttpMethod.GET, new HttpEntity<>(headers), byte[].class).getBody();
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains(newId);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_audit_event WHERE action = 'LICENCE_RENEWED' AND subject = ?",
                Integer.class, first.get("licenceNumber").asText())).isEqualTo(1);

        // the current version is the one revoked; a revoked licence is not renewed
        assertThat(as("wangfang").postForEntity("/api/v1/cases/" + number + "/licence/revocation", Map.of("reason", "违法经营"),
                JsonNode.class).getBody().get("status").asText()).isEqualTo("REVOKED");
        assertThat(rest.getForObject("/api/v1/verification/" + token(second), JsonNode.class).get("status").asText()).isEqualTo("REVOKED");
        assertThat(as("wangfang").postForEntity(renewal, null, JsonNode.class).getStatusCode().value()).isEqualTo(409);
    }
}
