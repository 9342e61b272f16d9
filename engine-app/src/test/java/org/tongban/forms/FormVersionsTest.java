package org.tongban.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.tongban.support.ApiTestBase;

/**
 * Versioned forms over HTTP: a designer checks and deploys a new version of an item's form; new cases use it,
 * a case submitted before keeps its own version (its form, its correction); refusals store nothing.
 */
class FormVersionsTest extends ApiTestBase {

    private static final String OUTDOOR = "OUTDOOR-ADVERTISING";
    private static final String VERSIONS = "/api/v1/items/" + OUTDOOR + "/form-versions";
    private static final String DESIGNER = "wujun";

    @Test
    void aNewVersionIsUsedByNewCasesWhileAnEarlierCaseKeepsItsOwn() throws Exception {
        JsonNode latest = as(DESIGNER).getForObject(VERSIONS + "/latest", JsonNode.class);
        int before = latest.get("version").asInt();
        String shipped = json.writeValueAsString(latest.get("schema"));
        String earlier = submitOutdoor(Map.of());
        try {
            ObjectNode changed = (ObjectNode) latest.get("schema").deepCopy();
            ((ArrayNode) changed.get("components")).addObject().put("type", "textfield").put("key", "remarks")
                    .put("label", "备注").putObject("properties").put("label_en", "Remarks");
            String schema = json.writeValueAsString(changed);

            var check = post(DESIGNER, "/check", schema);
            assertThat(check.getStatusCode().value()).as(String.valueOf(check.getBody())).isEqualTo(200);
            assertThat(check.getBody().get("valid").asBoolean()).isTrue();
            assertThat(versions()).hasSize(before); // versions are numbered 1, 2, 3… without gaps

            var deployed = post(DESIGNER, "", schema);
            assertThat(deployed.getStatusCode().value()).as(String.valueOf(deployed.getBody())).isEqualTo(201);
            int version = deployed.getBody().get("version").asInt();
            assertThat(version).isEqualTo(before + 1);
            assertThat(deployed.getBody().get("deployedBy").asText()).isEqualTo(DESIGNER);

            var again = post(DESIGNER, "", schema);
            assertThat(again.getStatusCode().value()).as("the same schema is not a new version").isEqualTo(200);
            assertThat(again.getBody().get("version").asInt()).isEqualTo(version);

            var itemForm = rest.getForEntity("/api/v1/items/" + OUTDOOR + "/form", String.class);
            assertThat(itemForm.getHeaders().getFirst("X-Form-Version")).isEqualTo(String.valueOf(version));
            assertThat(itemForm.getBody()).contains("\"remarks\"");

            String later = submitOutdoor(Map.of("remarks", "夜间不开启照明"));
            assertThat(caseForm(later).get("version").asInt()).isEqualTo(version);
            assertThat(caseOf("lina", later).get("formData").get("remarks").asText()).isEqualTo("夜间不开启照明");
            JsonNode earlierForm = caseForm(earlier);
            assertThat(earlierForm.get("version").asInt()).isEqualTo(before);
            assertThat(earlierForm.get("schema").toString()).doesNotContain("\"remarks\"");

            // The earlier case is corrected against its own version: the new field is unknown to it.
            var correction = act("shenjianguo", taskOf("shenjianguo", earlier, "acceptance"), "REQUEST_CORRECTION", null,
                    List.of("请补充设施安全检测报告"));
            assertThat(correction.getStatusCode().value()).as(String.valueOf(correction.getBody())).isEqualTo(204);
            var refused = resubmit(earlier, Map.of("remarks", "补充说明"));
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
            assertThat(refused.getBody().get("errors").toString()).contains("form.remarks");
            var resubmitted = resubmit(earlier, Map.of("contactPhone", "13957231235"));
            assertThat(resubmitted.getStatusCode().value()).as(String.valueOf(resubmitted.getBody())).isEqualTo(200);
            assertThat(caseForm(earlier).get("version").asInt()).isEqualTo(before);

            assertThat(as(DESIGNER).getForObject(VERSIONS + "/" + before, JsonNode.class).get("schema").toString())
                    .doesNotContain("\"remarks\"");
        } finally {
            var restored = post(DESIGNER, "", shipped); // later tests fill the shipped form
            assertThat(restored.getStatusCode().value()).isIn(200, 201);
        }
    }

    @Test
    void schemasTheServerCannotEnforceAreRefusedFieldByFieldAndNothingIsStored() throws Exception {
        JsonNode latest = as(DESIGNER).getForObject(VERSIONS + "/latest", JsonNode.class);
        int count = versions().size();

        ObjectNode duplicate = (ObjectNode) latest.get("schema").deepCopy();
        ((ArrayNode) duplicate.get("components")).addObject().put("type", "textfield").put("key", "siteAddress").put("label", "重复");
        var refused = post(DESIGNER, "", json.writeValueAsString(duplicate));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("schema");
        assertThat(refused.getBody().get("errors").get(0).get("message").asText()).contains("siteAddress");

        ObjectNode javaCall = (ObjectNode) latest.get("schema").deepCopy();
        ((ArrayNode) javaCall.get("components")).addObject().put("type", "expression").put("key", "x")
                .put("expression", "=invoke(\"java.lang.Runtime\", \"getRuntime\", [])");
        assertThat(post(DESIGNER, "/check", json.writeValueAsString(javaCall)).getStatusCode().value()).isEqualTo(400);

        ObjectNode otherId = (ObjectNode) latest.get("schema").deepCopy();
        otherId.put("id", "food-business-licence");
        var mismatch = post(DESIGNER, "", json.writeValueAsString(otherId));
        assertThat(mismatch.getStatusCode().value()).isEqualTo(400);
        assertThat(mismatch.getBody().get("errors").get(0).get("field").asText()).isEqualTo("schema.id");

        assertThat(post(DESIGNER, "", "{not json").getStatusCode().value()).isEqualTo(400);
        assertThat(post(DESIGNER, "", "{\"id\": \"outdoor-advertising\", \"components\": [], \"pad\": \"" + "x".repeat(300_000) + "\"}")
                .getStatusCode().value()).isEqualTo(400);

        var english = new HttpHeaders();
        english.setContentType(MediaType.APPLICATION_JSON);
        english.setAcceptLanguageAsLocales(List.of(java.util.Locale.ENGLISH));
        var inEnglish = as(DESIGNER).exchange(VERSIONS, HttpMethod.POST, new HttpEntity<>(json.writeValueAsString(otherId), english), JsonNode.class);
        assertThat(inEnglish.getBody().get("errors").get(0).get("message").asText()).contains("must be \"outdoor-advertising\"");

        assertThat(versions()).hasSize(count);
    }

    @Test
    void onlyDesignersSeeAndDeployFormVersions() {
        assertThat(as("lina").getForEntity(VERSIONS, String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(as("shenjianguo").getForEntity(VERSIONS, String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(rest.getForEntity(VERSIONS, String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(post("lina", "", "{\"id\": \"outdoor-advertising\", \"components\": []}").getStatusCode().value()).isEqualTo(403);
        assertThat(as(DESIGNER).getForEntity(VERSIONS + "/999", String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(as(DESIGNER).getForEntity("/api/v1/items/NO-SUCH-ITEM/form-versions", String.class).getStatusCode().value()).isEqualTo(404);
        // a case's form is shown only to whoever may see the case
        String number = submitOutdoor(Map.of());
        assertThat(as("zhangwei").getForEntity("/api/v1/cases/" + number + "/form", String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(as("lina").getForEntity("/api/v1/cases/" + number + "/form", String.class).getStatusCode().value()).isEqualTo(200);
    }

    private List<JsonNode> versions() {
        var list = new java.util.ArrayList<JsonNode>();
        as(DESIGNER).getForObject(VERSIONS, JsonNode.class).forEach(list::add);
        return list;
    }

    private ResponseEntity<JsonNode> post(String user, String path, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(user).exchange(VERSIONS + path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private JsonNode caseForm(String number) {
        return as("lina").getForObject("/api/v1/cases/" + number + "/form", JsonNode.class);
    }

    private String submitOutdoor(Map<String, Object> extra) {
        var form = new HashMap<String, Object>(Map.of("applicantName", "德清县莫干山文旅发展有限公司", "creditCode", "91330521MA29K7LX1A",
                "contactPhone", "13957231234", "siteAddress", "浙江省湖州市德清县武康街道英溪南路与余英街交叉口东北角",
                "facilityType", "PILLAR", "widthMetres", 6, "heightMetres", 4, "periodMonths", 24, "lighting", "NO",
                "contentSummary", "莫干山国际旅游度假区形象宣传"));
        form.putAll(extra);
        var response = submit("lina", OUTDOOR, form, Map.of("SITE_RIGHT", pdfBytes(), "DESIGN", pdfBytes(), "SAFETY", pdfBytes()));
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return response.getBody().get("caseNumber").asText();
    }

    private ResponseEntity<JsonNode> resubmit(String number, Map<String, Object> changes) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("application", toJson(Map.of("form", changes)));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as("lina").exchange("/api/v1/cases/" + number + "/resubmission", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
