package org.tongban.licences;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.tongban.support.ApiTestBase;

/** 注销: who may revoke a licence, with a reason, audited; verification and reuse see it revoked. */
class LicenceRevocationTest extends ApiTestBase {

    private ResponseEntity<JsonNode> revoke(String user, String number, Object body) {
        return as(user).postForEntity("/api/v1/cases/" + number + "/licence/revocation", body, JsonNode.class);
    }

    @Test
    void theIssuingDepartmentRevokesWithAReasonAndEveryoneSeesItRevoked() {
        String number = grantedFood();
        JsonNode licence = awaitLicence("zhangwei", number);
        String url = licence.get("verificationUrl").asText();
        String token = url.substring(url.lastIndexOf('/') + 1);

        assertThat(revoke("zhangwei", number, Map.of("reason", "我不想要了")).getStatusCode().value()).as("the holder").isEqualTo(403);
        assertThat(revoke("chenjing", number, Map.of("reason", "x")).getStatusCode().value()).as("another department").isEqualTo(404);
        var noReason = revoke("wangfang", number, Map.of("reason", "  "));
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(noReason.getBody().at("/errors/0/field").asText()).isEqualTo("reason");
        assertThat(rest.getForObject("/api/v1/verification/" + token, JsonNode.class).get("status").asText()).isEqualTo("VALID");

        var revoked = revoke("wangfang", number, Map.of("reason", "经营场所已拆除，依法注销"));
        assertThat(revoked.getStatusCode().value()).as(String.valueOf(revoked.getBody())).isEqualTo(200);
        assertThat(revoked.getBody().get("status").asText()).isEqualTo("REVOKED");
        assertThat(rest.getForObject("/api/v1/verification/" + token, JsonNode.class).get("status").asText()).isEqualTo("REVOKED");
        assertThat(revoke("admin", number, Map.of("reason", "再次注销")).getStatusCode().value()).isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_audit_event WHERE action = 'LICENCE_REVOKED' AND subject = ?",
                Integer.class, licence.get("licenceNumber").asText())).isEqualTo(1);

        // a revoked licence no longer stands for a material (数据多跑路)
        var form = new java.util.HashMap<String, Object>(Map.of("contactPhone", "13957231234", "siteAddress", "浙江省湖州市德清县禹越镇杭海路88号",
                "facilityType", "SHOP_SIGN", "widthMetres", 3, "heightMetres", 1, "periodMonths", 12, "lighting", "NO",
                "contentSummary", "店招"));
        var body = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        body.add("application", toJson(Map.of("itemCode", "OUTDOOR-ADVERTISING", "form", form,
                "licenceReferences", Map.of("OPERATING_LICENCE", licence.get("licenceNumber").asText()))));
        for (String code : new String[] {"SITE_RIGHT", "DESIGN", "SAFETY"}) {
            body.add(code, file(code + ".pdf", pdfBytes()));
        }
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        var reused = as("zhangwei").postForEntity("/api/v1/cases", new org.springframework.http.HttpEntity<>(body, headers), JsonNode.class);
        assertThat(reused.getStatusCode().value()).isEqualTo(400);
        assertThat(reused.getBody().toString()).contains("materials.OPERATING_LICENCE", "licence-not-valid");
    }
}
