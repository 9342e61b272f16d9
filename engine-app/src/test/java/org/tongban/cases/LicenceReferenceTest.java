package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.tongban.shared.Digests;
import org.tongban.support.ApiTestBase;

/**
 * 数据多跑路: a licence Tongban issued to the applicant stands for a material of a later application (outdoor
 * advertising accepts the applicant's food business licence as proof of operation) and prefills the form.
 */
class LicenceReferenceTest extends ApiTestBase {

    static final String OUTDOOR = "OUTDOOR-ADVERTISING";

    ResponseEntity<JsonNode> outdoor(String user, Map<String, Object> changes, Map<String, String> references, boolean withFile) {
        var form = new HashMap<String, Object>(Map.of("applicantName", "客户端填写的名称", "creditCode", "91330521MA29K7LX1A",
                "contactPhone", "13957231234", "siteAddress", "浙江省湖州市德清县武康街道英溪南路与余英街交叉口东北角",
                "facilityType", "PILLAR", "widthMetres", 6, "heightMetres", 4, "periodMonths", 24, "lighting", "NO",
                "contentSummary", "门店招牌"));
        form.putAll(changes);
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("application", toJson(Map.of("itemCode", OUTDOOR, "form", form, "licenceReferences", references)));
        for (String code : List.of("SITE_RIGHT", "DESIGN", "SAFETY")) {
            body.add(code, file(code + ".pdf", pdfBytes()));
        }
        if (withFile) {
            body.add("OPERATING_LICENCE", file("licence.pdf", pdfBytes()));
        }
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(user).postForEntity("/api/v1/cases", new HttpEntity<>(body, headers), JsonNode.class);
    }

    static List<String> errors(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);
        var found = new ArrayList<String>();
        for (JsonNode e : response.getBody().get("errors")) {
            assertThat(e.at("/messages/en").asText()).as(e.toString()).isNotBlank().doesNotContain("error.field");
            found.add(e.get("field").asText() + " " + e.get("code").asText());
        }
        return found;
    }

    String grantedFoodLicence(String applicant) {
        String n = submitFood(applicant);
        actOk("wangfang", n, "acceptance", "ACCEPT", "受理");
        actOk("liuyang", n, "review", "AGREE", "同意");
        actOk("liuyang", n, "inspection", "AGREE", "同意");
        actOk("wangfang", n, "decision", "GRANT", "准予许可");
        return awaitLicence(applicant, n).get("licenceNumber").asText();
    }

    @Test
    void anOwnValidLicenceStandsForTheMaterialAndPrefillsTheForm() {
        String licence = grantedFoodLicence("zhangwei");
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM tb_material", Long.class);

        // another applicant's licence looks unknown; an unknown number too; a licence with files as well is refused
        assertThat(errors(outdoor("lina", Map.of(), Map.of("OPERATING_LICENCE", licence), false)))
                .contains("materials.OPERATING_LICENCE licence-not-found");
        assertThat(errors(outdoor("zhangwei", Map.of(), Map.of("OPERATING_LICENCE", "NO-SUCH-LICENCE"), false)))
                .contains("materials.OPERATING_LICENCE licence-not-found");
        assertThat(errors(outdoor("zhangwei", Map.of(), Map.of("OPERATING_LICENCE", licence), true)))
                .contains("materials.OPERATING_LICENCE licence-and-files");
        // a material that takes no licence
        assertThat(errors(outdoor("zhangwei", Map.of(), Map.of("DESIGN", licence), false)))
                .contains("materials.DESIGN licence-not-accepted");
        // a licence of an item the material does not accept
        jdbc.update("UPDATE tb_licence SET item_code = 'CONSTRUCTION-PERMIT' WHERE licence_number = ?", licence);
        try {
            assertThat(errors(outdoor("zhangwei", Map.of(), Map.of("OPERATING_LICENCE", licence), false)))
                    .contains("materials.OPERATING_LICENCE licence-wrong-item");
        } finally {
            jdbc.update("UPDATE tb_licence SET item_code = ? WHERE licence_number = ?", FOOD, licence);
        }
        // revoked or expired
        jdbc.update("UPDATE tb_licence SET status = 'REVOKED' WHERE licence_number = ?", licence);
        try {
            assertThat(errors(outdoor("zhangwei", Map.of(), Map.of("OPERATING_LICENCE", licence), false)))
                    .contains("materials.OPERATING_LICENCE licence-not-valid");
        } finally {
            jdbc.update("UPDATE tb_licence SET status = 'VALID' WHERE licence_number = ?", licence);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_material", Long.class)).isEqualTo(rows);

        // own, valid: the prefilled fields take the licence's data even when the client sent something else
        var ok = outdoor("zhangwei", Map.of("creditCode", "91330521MA29K7LX1A"), Map.of("OPERATING_LICENCE", licence), false);
        assertThat(ok.getStatusCode().value()).as(String.valueOf(ok.getBody())).isEqualTo(201);
        String n = ok.getBody().get("caseNumber").asText();
        JsonNode view = caseOf("zhangwei", n);
        assertThat(view.at("/formData/applicantName").asText()).isEqualTo(foodForm().get("operatorName"));
        assertThat(view.at("/formData/creditCode").asText()).isEqualTo(foodForm().get("creditCode"));
        JsonNode reference = null;
        for (JsonNode m : view.get("materials")) {
            if (m.get("code").asText().equals("OPERATING_LICENCE")) {
                reference = m;
            }
        }
        assertThat(reference).isNotNull();
        assertThat(reference.get("licenceNumber").asText()).isEqualTo(licence);

        // staff of the new case download the referenced licence through the case
        String url = "/api/v1/cases/" + n + "/materials/" + reference.get("id").asLong();
        var download = as("shenjianguo").getForEntity(url, byte[].class); // 综合执法, the outdoor item's acceptance
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(as("zhangwei").getForEntity(url, byte[].class).getBody()).isEqualTo(download.getBody());
        assertThat(new String(download.getBody(), 0, 5)).isEqualTo("%PDF-");
        assertThat(Digests.sha256(download.getBody())).isEqualTo(reference.get("sha256").asText());
        assertThat(as("lina").getForEntity(url, JsonNode.class).getStatusCode().value()).isEqualTo(404);
    }
}
