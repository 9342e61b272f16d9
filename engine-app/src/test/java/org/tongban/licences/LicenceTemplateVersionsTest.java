package org.tongban.licences;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.tongban.licences.internal.LicenceTemplates;
import org.tongban.support.ApiTestBase;

/**
 * A designer changes a licence template in the studio (issue 10: "a designer adds a licence type without Java"):
 * checks, previews and deploys a new version over HTTP; new licences print it and record it, an earlier licence
 * keeps its own; what identifies the licence type and its signing key, unknown placeholders, layouts off the page,
 * paths and hostile YAML are refused at their field; a restart does not undo the deployment.
 */
class LicenceTemplateVersionsTest extends ApiTestBase {

    private static final String FOOD = "FOOD-BUSINESS-LICENCE";
    private static final String TEMPLATE = "/api/v1/items/" + FOOD + "/licence-template";
    private static final String DESIGNER = "wujun";

    @Autowired
    LicenceTemplates templates;

    @Test
    void aDeployedVersionIsPrintedByNewLicencesWhileAnEarlierLicenceKeepsItsOwn() throws Exception {
        String earlier = grantedFood();
        JsonNode earlierLicence = awaitLicence("zhangwei", earlier);
        JsonNode latest = as(DESIGNER).getForObject(TEMPLATE, JsonNode.class);
        int before = latest.get("version").asInt();
        String shipped = latest.get("yaml").asText();
        assertThat(shipped).contains("code: food-business-licence", "label: 经营场所");
        assertThat(latest.get("placeholders").toString()).contains("form.operatorName", "form.premisesAddress");
        String changed = shipped.replace("label: 经营场所", "label: 经营地址").replace("zh: 食品经营许可证", "zh: 食品经营许可证（新版）");
        try {
            var check = send(DESIGNER, "/check", changed, JsonNode.class);
            assertThat(check.getStatusCode().value()).as(String.valueOf(check.getBody())).isEqualTo(200);
            assertThat(check.getBody().get("valid").asBoolean()).isTrue();

            var preview = send(DESIGNER, "/../licence-preview", changed, byte[].class);
            assertThat(preview.getStatusCode().value()).isEqualTo(200);
            try (var document = Loader.loadPDF(preview.getBody())) {
                assertThat(new PDFTextStripper().getText(document)).contains("食品经营许可证（新版）", "经营地址", "〈经营场所〉", "样例 SAMPLE");
                assertThat(document.getSignatureDictionaries()).as("a draft is never signed with a department's key").isEmpty();
            }
            assertThat(versions()).hasSize(before).as("checking and previewing deploy nothing");

            // edited from a version that is no longer the latest: refused rather than dropping what was deployed since
            var stale = send(DESIGNER, "?baseVersion=" + (before - 1), changed, JsonNode.class);
            assertThat(stale.getStatusCode().value()).as(String.valueOf(stale.getBody())).isEqualTo(409);
            assertThat(stale.getBody().get("code").asText()).isEqualTo("licence-template-version-conflict");

            var deployed = send(DESIGNER, "?baseVersion=" + before, changed, JsonNode.class);
            assertThat(deployed.getStatusCode().value()).as(String.valueOf(deployed.getBody())).isEqualTo(201);
            int version = deployed.getBody().get("version").asInt();
            assertThat(version).isEqualTo(before + 1);
            assertThat(deployed.getBody().get("deployedBy").asText()).isEqualTo(DESIGNER);
            var again = send(DESIGNER, "", changed, JsonNode.class);
            assertThat(again.getStatusCode().value()).as("the same text is not a new version").isEqualTo(200);
            assertThat(again.getBody().get("version").asInt()).isEqualTo(version);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_audit_event WHERE action = 'LICENCE_TEMPLATE_DEPLOYED' "
                    + "AND actor = ? AND detail LIKE ?", Integer.class, DESIGNER, "version " + version + " %")).isEqualTo(1);
            assertThat(as(DESIGNER).getForObject(TEMPLATE + "/versions/" + before, JsonNode.class).get("yaml").asText()).isEqualTo(shipped);

            // a node restarting does not put the shipped file back over the designer's version
            templates.afterSingletonsInstantiated();
            assertThat(as(DESIGNER).getForObject(TEMPLATE, JsonNode.class).get("version").asInt()).isEqualTo(version);

            String later = grantedFood();
            JsonNode laterLicence = awaitLicence("zhangwei", later);
            assertThat(text(later)).contains("食品经营许可证（新版）", "经营地址").doesNotContain("经营场所");
            assertThat(text(earlier)).contains("经营场所").doesNotContain("经营地址");
            assertThat(templateVersion(later)).isEqualTo(version);
            assertThat(templateVersion(earlier)).isIn(null, before);
            assertThat(verification(laterLicence).get("licenceName").asText()).isEqualTo("食品经营许可证（新版）");
            assertThat(verification(earlierLicence).get("licenceName").asText()).as("printed with the earlier version").isEqualTo("食品经营许可证");
        } finally {
            assertThat(send(DESIGNER, "", shipped, JsonNode.class).getStatusCode().value()).isIn(200, 201);
        }
        assertThat(text(grantedFood())).contains("经营场所");
    }

    @Test
    void whatIdentifiesTheLicenceAndWhatCannotBePrintedIsRefusedAtItsField() {
        String shipped = as(DESIGNER).getForObject(TEMPLATE, JsonNode.class).get("yaml").asText();
        int before = versions().size();
        refused(shipped.replace("department: DQ-SCJG", "department: DQ-ZJJ"), "department", "template-identity-fixed");
        refused(shipped.replace("issuer: 德清县市场监督管理局", "issuer: 国务院"), "issuer", "template-identity-fixed");
        refused(shipped.replace("typeCode: \"0301\"", "typeCode: \"0302\""), "typeCode", "template-identity-fixed");
        refused(shipped.replace("validYears: 5", "validYears: 50"), "validYears", "template-identity-fixed");
        refused(shipped.replace("name: \"${form.operatorName}\"", "name: 德清县某某有限公司"), "holder.name", "template-identity-fixed");
        // what passes the rules must print: NaN, infinity and a face of hundreds of pages are refused, never deployed
        refused(shipped + "\nlayout:\n  title: { top: NaN }\n", "layout.title.top", "template-not-finite");
        refused(shipped + "\nlayout:\n  seal: { size: Infinity }\n", "layout.seal.size", "template-not-finite");
        refused(shipped + "\nlayout:\n  paragraphs: { lineHeight: 1000 }\n", "layout.paragraphs", "template-block");
        refused(shipped + "\nlayout:\n  paragraphs: { lineHeight: 50, gap: 50 }\nparagraphs:\n" + "  - 一段\n".repeat(50), "template", "template-render");
        refused(shipped + "\nparagraphs:\n" + "  - 一段\n".repeat(51), "paragraphs", "template-too-many");
        refused(shipped.replace("value: \"${form.operatorName}\" }", "value: \"${form.operatorNmae}\" }"), "fields[0].value", "template-placeholder");
        refused(shipped.replace("${licence.number}", "${T(java.lang.Runtime).getRuntime().exec('id')}"), "fields[6].value", "template-placeholder");
        refused(shipped + "\nlayout:\n  seal: { left: 190, top: 20, size: 40 }\n", "layout.seal", "template-off-page");
        refused(shipped + "\nfont: ../../../../etc/passwd\n", "font", "template-font");
        refused(shipped + "\nlayout:\n  background: { image: ../../../application.yml }\n", "layout.background.image", "template-image");
        refused(shipped + "\nscript: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x/\"]]]]\n",
                "script", "template-unknown-key");
        refused(shipped + "\nvalidYears: 99\n", "template", "template-yaml");
        refused("{{{ not yaml", "template", "template-yaml");
        // every problem of a template at once, not only the first
        String sparse = "code: food-business-licence\nlayout: { qr: { size: 10 } }\nfont: ../x.ttf\n";
        refused(sparse, "validYears", "template-required");
        refused(sparse, "layout.qr.size", "template-min-size");
        refused(sparse, "font", "template-font");
        refused("", "template", "template-yaml");
        refused(shipped + "\n# " + "很".repeat(30_000) + "\n", "template", "template-size");
        assertThat(versions()).hasSize(before);
        // a title written as a YAML block keeps its line break; it prints (as a space), it does not fail every licence
        var block = send(DESIGNER, "/check", shipped.replace("title: { zh: 食品经营许可证, en: Food Business Licence }",
                "title:\n  zh: |\n    食品经营许可证\n  en: Food Business Licence"), JsonNode.class);
        assertThat(block.getStatusCode().value()).as(String.valueOf(block.getBody())).isEqualTo(200);

        var unknownItem = send(DESIGNER, "/check", shipped, JsonNode.class, "/api/v1/items/NO-SUCH-ITEM/licence-template");
        assertThat(unknownItem.getStatusCode().value()).isEqualTo(404);
        assertThat(as(DESIGNER).getForEntity(TEMPLATE + "/versions/9999", JsonNode.class).getStatusCode().value()).isEqualTo(404);
        for (String user : List.of("wangfang", "zhangwei", "zhengli")) {
            assertThat(as(user).getForEntity(TEMPLATE, String.class).getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(send(user, "", shipped, String.class).getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(rest.getForEntity(TEMPLATE, String.class).getStatusCode().value()).isEqualTo(401);
    }

    private void refused(String yaml, String field, String code) {
        var response = send(DESIGNER, "", yaml, JsonNode.class);
        assertThat(response.getStatusCode().value()).as(field + " " + code + ": " + response.getBody()).isEqualTo(400);
        JsonNode error = null;
        for (JsonNode e : response.getBody().get("errors")) {
            if (e.get("field").asText().equals(field) && e.get("code").asText().equals(code)) {
                error = e;
            }
        }
        assertThat(error).as(field + " " + code + " in " + response.getBody()).isNotNull();
        assertThat(error.at("/messages/zh-CN").asText()).isNotBlank().doesNotContain("{0}");
        assertThat(error.at("/messages/en").asText()).isNotBlank().doesNotContain("{0}");
        assertThat(response.getBody().toString()).doesNotContain("Exception", "at org.");
    }

    private <T> ResponseEntity<T> send(String user, String path, String yaml, Class<T> type) {
        return send(user, path, yaml, type, TEMPLATE);
    }

    private <T> ResponseEntity<T> send(String user, String path, String yaml, Class<T> type, String base) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml;charset=UTF-8"));
        String url = path.startsWith("/..") ? "/api/v1/items/" + FOOD + path.substring(3) : base + path;
        TestRestTemplate client = as(user);
        return client.exchange(url, HttpMethod.POST, new HttpEntity<>(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers), type);
    }

    private List<JsonNode> versions() {
        var list = new java.util.ArrayList<JsonNode>();
        as(DESIGNER).getForObject(TEMPLATE + "/versions", JsonNode.class).forEach(list::add);
        return list;
    }

    private String text(String caseNumber) throws Exception {
        awaitLicence("zhangwei", caseNumber);
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_PDF));
        byte[] pdf = as("zhangwei").exchange("/api/v1/cases/" + caseNumber + "/licence", HttpMethod.GET, new HttpEntity<>(headers), byte[].class).getBody();
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private Integer templateVersion(String caseNumber) {
        return jdbc.queryForObject("SELECT l.template_version FROM tb_licence l JOIN tb_case c ON c.id = l.case_id "
                + "WHERE c.case_number = ? ORDER BY l.version DESC LIMIT 1", Integer.class, caseNumber);
    }

    private JsonNode verification(JsonNode licence) {
        String token = licence.get("verificationUrl").asText().replaceAll(".*/", "");
        return rest.getForObject("/api/v1/verification/" + token, JsonNode.class);
    }
}
