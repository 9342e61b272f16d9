package org.tongban.licences;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tongban.support.ApiTestBase;

/**
 * 变更: the issuing department amends what a licence prints (a new address, a new legal representative, a renamed
 * holder): a new version with the same number and validity, the old one superseded; only fields the licence prints,
 * each by the form's own rules; the application stays as filed; a renewal keeps the amended data.
 */
class LicenceAmendmentTest extends ApiTestBase {

    private ResponseEntity<JsonNode> amend(String user, String number, Object body) {
        return as(user).postForEntity("/api/v1/cases/" + number + "/licence/amendment", body, JsonNode.class);
    }

    private static String token(JsonNode licence) {
        return licence.get("verificationUrl").asText().replaceAll(".*/", "");
    }

    private String text(String user, String number) throws Exception {
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_PDF));
        byte[] pdf = as(user).exchange("/api/v1/cases/" + number + "/licence", HttpMethod.GET, new HttpEntity<>(headers), byte[].class).getBody();
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void anAmendmentIsANewVersionPrintingTheChangedFields() throws Exception {
        String number = grantedFood();
        JsonNode first = awaitLicence("zhangwei", number);

        JsonNode fields = as("wangfang").getForObject("/api/v1/cases/" + number + "/licence/fields", JsonNode.class);
        assertThat(fields.findValuesAsText("key")).containsExactly("operatorName", "creditCode", "legalRepresentative",
                "premisesAddress", "operatorType", "businessScope");
        assertThat(fields.get(3).get("value").asText()).isEqualTo("浙江省湖州市德清县禹越镇杭海路88号");
        assertThat(fields.get(4).get("options").size()).as("a select field brings its options").isGreaterThan(1);

        var changes = Map.<String, Object>of("premisesAddress", "浙江省湖州市德清县武康街道英溪北路316号", "legalRepresentative", "李娜");
        assertThat(amend("zhangwei", number, Map.of("reason", "迁址", "changes", changes)).getStatusCode().value()).as("the holder").isEqualTo(403);
        assertThat(amend("chenjing", number, Map.of("reason", "迁址", "changes", changes)).getStatusCode().value()).as("another department").isEqualTo(404);
        var noReason = amend("wangfang", number, Map.of("changes", changes));
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(noReason.getBody().at("/errors/0/field").asText()).isEqualTo("reason");
        var notPrinted = amend("wangfang", number, Map.of("reason", "变更", "changes", Map.of("inspectionResult", "PASS", "premisesAddress", "x")));
        assertThat(notPrinted.getStatusCode().value()).isEqualTo(400);
        assertThat(notPrinted.getBody().at("/errors/0/field").asText()).isEqualTo("changes.inspectionResult");
        assertThat(notPrinted.getBody().at("/errors/0/code").asText()).isEqualTo("not-on-licence");
        var badValue = amend("wangfang", number, Map.of("reason", "变更", "changes", Map.of("creditCode", "91330521MA2B3C4D5X", "operatorType", "CASINO")));
        assertThat(badValue.getStatusCode().value()).isEqualTo(400);
        assertThat(badValue.getBody().findValuesAsText("field")).containsExactlyInAnyOrder("changes.creditCode", "changes.operatorType");
        assertThat(amend("wangfang", number, Map.of("reason", "变更", "changes", Map.of())).getBody().at("/errors/0/field").asText()).isEqualTo("changes");
        assertThat(rest.getForObject("/api/v1/verification/" + token(first), JsonNode.class).get("status").asText())
                .as("nothing changed by the refusals").isEqualTo("VALID");

        var amended = amend("wangfang", number, Map.of("reason", "经营场所迁址，法定代表人变更", "changes", changes));
        assertThat(amended.getStatusCode().value()).as(String.valueOf(amended.getBody())).isEqualTo(200);
        JsonNode second = amended.getBody();
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(second.get("licenceNumber").asText()).isEqualTo(first.get("licenceNumber").asText());
        assertThat(second.get("validUntil").asText()).as("an amendment keeps the term").isEqualTo(first.get("validUntil").asText());
        assertThat(rest.getForObject("/api/v1/verification/" + token(first), JsonNode.class).get("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(rest.getForObject("/api/v1/verification/" + token(second), JsonNode.class).get("status").asText()).isEqualTo("VALID");
        String face = text("zhangwei", number);
        assertThat(face).contains("浙江省湖州市德清县武康街道英溪北路316号", "李娜", second.get("identifier").asText())
                .doesNotContain("杭海路88号");
        assertThat(caseOf("zhangwei", number).toString()).as("the application stays as filed").contains("杭海路88号");
        assertThat(jdbc.queryForObject("SELECT detail FROM tb_audit_event WHERE action = 'LICENCE_AMENDED' AND subject = ?",
                String.class, first.get("licenceNumber").asText())).contains("legalRepresentative, premisesAddress", "经营场所迁址");

        // a renewal prints the amended data; the holder renamed by a later amendment is the holder from then on
        JsonNode third = as("wangfang").postForEntity("/api/v1/cases/" + number + "/licence/renewal", null, JsonNode.class).getBody();
        assertThat(third.get("version").asInt()).isEqualTo(3);
        assertThat(text("zhangwei", number)).contains("英溪北路316号");
        JsonNode fourth = amend("admin", number, Map.of("reason", "企业名称变更", "changes",
                Map.of("operatorName", "德清县武康味香餐饮管理有限公司"))).getBody();
        assertThat(fourth.get("holderName").asText()).isEqualTo("德清县武康味香餐饮管理有限公司");
        assertThat(text("zhangwei", number)).contains("德清县武康味香餐饮管理有限公司", "英溪北路316号");

        // only a valid licence is amended
        as("wangfang").postForEntity("/api/v1/cases/" + number + "/licence/revocation", Map.of("reason", "歇业"), JsonNode.class);
        assertThat(amend("wangfang", number, Map.of("reason", "变更", "changes", changes)).getStatusCode().value()).isEqualTo(409);
    }
}
