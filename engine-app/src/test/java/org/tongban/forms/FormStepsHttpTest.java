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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tongban.support.ApiTestBase;

/**
 * Per-step field permissions, mapped process variables and verified-profile prefill over HTTP (docs/forms.md,
 * "Steps, variables and prefill"): refusals name the field and change nothing.
 */
class FormStepsHttpTest extends ApiTestBase {

    private static final String FOOD = "FOOD-BUSINESS-LICENCE";
    private static final String OUTDOOR = "OUTDOOR-ADVERTISING";

    private int cases() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tb_case", Integer.class);
    }

    private ResponseEntity<JsonNode> submitFood(String user, Map<String, Object> changes) {
        var form = new HashMap<String, Object>(foodForm());
        form.putAll(changes);
        return submit(user, FOOD, form, Map.of("PREMISES_PROOF", pdfBytes(), "LAYOUT_PLAN", pdfBytes()));
    }

    private static List<String> problems(ResponseEntity<JsonNode> response) {
        return response.getBody().path("errors").findValuesAsText("field").stream()
                .map(f -> f).toList();
    }

    private static String code(ResponseEntity<JsonNode> response, String field) {
        for (JsonNode e : response.getBody().path("errors")) {
            if (e.path("field").asText().equals(field)) {
                return e.path("code").asText();
            }
        }
        return null;
    }

    @Test
    void theApplicantsFormIsPrefilledFromTheVerifiedProfileAndCannotBeForged() throws Exception {
        String mine = as("zhangwei").getForObject("/api/v1/items/" + FOOD + "/form", String.class);
        JsonNode agent = find(json.readTree(mine), "agentName");
        assertThat(agent.path("readonly").asBoolean()).isTrue();
        assertThat(agent.path("defaultValue").asText()).isEqualTo("张伟");
        assertThat(mine).as("staff-only fields are not in the applicant's form").doesNotContain("inspectionResult");
        String anonymous = rest.getForObject("/api/v1/items/" + FOOD + "/form", String.class);
        assertThat(find(json.readTree(anonymous), "agentName").has("defaultValue")).isFalse();

        var response = submitFood("zhangwei", Map.of("agentName", "王五", "agentIdNumber", "11010119900307803X"));
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        String number = response.getBody().get("caseNumber").asText();
        JsonNode data = caseOf("zhangwei", number).get("formData");
        assertThat(data.get("agentName").asText()).isEqualTo("张伟");
        assertThat(data.get("agentIdNumber").asText()).isEqualTo("330521199202261011");
    }

    @Test
    void aRequiredProfileEntryTheAccountLacksIsRefusedAndALegalPersonsIsFilled() throws Exception {
        JsonNode latest = as("wujun").getForObject("/api/v1/items/" + OUTDOOR + "/form-versions/latest", JsonNode.class);
        String shipped = json.writeValueAsString(latest.get("schema"));
        try {
            ObjectNode schema = (ObjectNode) latest.get("schema").deepCopy();
            ((ObjectNode) find(schema, "applicantName").get("properties")).put("tongban:prefill", "profile.companyName");
            ((ObjectNode) find(schema, "creditCode").get("properties")).put("tongban:prefill", "profile.creditCode");
            assertThat(deploy(json.writeValueAsString(schema)).getStatusCode().value()).isEqualTo(201);

            var form = new HashMap<String, Object>(Map.of("applicantName", "某某公司", "creditCode", "91330521MA2B3C4D5Q",
                    "contactPhone", "13957231234", "siteAddress", "浙江省湖州市德清县武康街道英溪南路1号",
                    "facilityType", "PILLAR", "widthMetres", 6, "heightMetres", 4, "periodMonths", 24, "lighting", "NO",
                    "contentSummary", "莫干山国际旅游度假区形象宣传"));
            var materials = Map.of("SITE_RIGHT", pdfBytes(), "DESIGN", pdfBytes(), "SAFETY", pdfBytes());
            int before = cases();
            var person = submit("lina", OUTDOOR, form, materials);
            assertThat(person.getStatusCode().value()).isEqualTo(400);
            assertThat(code(person, "form.applicantName")).isEqualTo("not-in-profile");
            assertThat(code(person, "form.creditCode")).isEqualTo("not-in-profile");
            assertThat(cases()).isEqualTo(before);

            var company = submit("mgswenlv", OUTDOOR, form, materials);
            assertThat(company.getStatusCode().value()).as(String.valueOf(company.getBody())).isEqualTo(201);
            JsonNode data = caseOf("mgswenlv", company.getBody().get("caseNumber").asText()).get("formData");
            assertThat(data.get("applicantName").asText()).isEqualTo("德清县莫干山文旅发展有限公司");
            assertThat(data.get("creditCode").asText()).isEqualTo("91330521MA29K7LX1A");
        } finally {
            assertThat(deploy(shipped).getStatusCode().value()).isEqualTo(201);
        }
    }

    @Test
    void theInspectorFillsTheInspectionRecordAndOnlyThere() {
        int before = cases();
        var forged = submitFood("zhangwei", Map.of("inspectionResult", "PASS"));
        assertThat(forged.getStatusCode().value()).isEqualTo(400);
        assertThat(code(forged, "form.inspectionResult")).isEqualTo("not-editable");
        assertThat(cases()).as("nothing stored").isEqualTo(before);

        var submitted = submitFood("zhangwei", Map.of());
        String number = submitted.getBody().get("caseNumber").asText();
        actOk("wangfang", number, "acceptance", "ACCEPT", "受理");
        String review = taskOf("liuyang", number, "review");
        var early = act("liuyang", review, "AGREE", "同意", null, Map.of("inspectionResult", "PASS"));
        assertThat(early.getStatusCode().value()).isEqualTo(400);
        assertThat(code(early, "form.inspectionResult")).isEqualTo("not-editable");
        actOk("liuyang", number, "review", "AGREE", "同意");

        String inspection = taskOf("liuyang", number, "inspection");
        JsonNode stepForm = as("liuyang").getForObject("/api/v1/tasks/" + inspection + "/form", JsonNode.class);
        assertThat(stepForm.get("editable").findValuesAsText("")).isEmpty();
        assertThat(json.convertValue(stepForm.get("editable"), List.class)).containsExactlyInAnyOrder("inspectionDate", "inspectionResult", "inspectionNotes");
        assertThat(stepForm.get("schema").toString()).contains("inspectionResult").doesNotContain("operatorName");
        assertThat(as("wangfang").getForObject("/api/v1/tasks/" + review + "/form", String.class)).as("a finished task").contains("task-not-found");

        var missing = act("liuyang", inspection, "AGREE", "现场核查", null, null);
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(problems(missing)).contains("form.inspectionDate", "form.inspectionResult");
        var badValue = act("liuyang", inspection, "AGREE", "现场核查", null,
                Map.of("inspectionDate", "2026-13-01", "inspectionResult", "MAYBE", "operatorName", "另一家公司"));
        assertThat(badValue.getStatusCode().value()).isEqualTo(400);
        assertThat(code(badValue, "form.inspectionResult")).isEqualTo("not-an-option");
        assertThat(code(badValue, "form.operatorName")).isEqualTo("not-editable");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_case_form_change c JOIN tb_case k ON k.id = c.case_id "
                + "WHERE k.case_number = ?", Integer.class, number)).isZero();

        var done = act("liuyang", inspection, "DISAGREE", "后厨不符合要求", null,
                Map.of("inspectionDate", "2026-12-04", "inspectionResult", "FAIL", "inspectionNotes", "生熟加工区未分开"));
        assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(204);

        // staff see the record and who changed it; the applicant neither (hiddenAt: apply)
        assertThat(caseOf("wangfang", number).at("/formData/inspectionResult").asText()).isEqualTo("FAIL");
        assertThat(caseOf("zhangwei", number).get("formData").has("inspectionResult")).isFalse();
        JsonNode changes = as("wangfang").getForObject("/api/v1/cases/" + number + "/form-changes", JsonNode.class);
        assertThat(changes.findValuesAsText("field")).containsExactly("inspectionDate", "inspectionResult", "inspectionNotes");
        assertThat(changes.get(1).get("actor").asText()).isEqualTo("liuyang");
        assertThat(changes.get(1).get("stepKey").asText()).isEqualTo("inspection");
        assertThat(changes.get(1).path("oldValue").isNull() || changes.get(1).path("oldValue").isMissingNode()).as("nothing before").isTrue();
        assertThat(changes.get(1).get("newValue").asText()).isEqualTo("FAIL");
        assertThat(as("zhangwei").getForObject("/api/v1/cases/" + number + "/form-changes", JsonNode.class)).isEmpty();
        JsonNode staffHistory = as("wangfang").getForObject("/api/v1/cases/" + number + "/history", JsonNode.class);
        assertThat(staffHistory.findValuesAsText("action")).containsSubsequence("EDIT_FORM", "DISAGREE");
        assertThat(as("zhangwei").getForObject("/api/v1/cases/" + number + "/history", JsonNode.class)
                .findValuesAsText("action")).doesNotContain("EDIT_FORM");
        // a step's edits do not count as a done step of their own
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_case_event e JOIN tb_case k ON k.id = e.case_id "
                + "WHERE k.case_number = ? AND e.action = 'EDIT_FORM'", Integer.class, number)).isEqualTo(1);
    }

    @Test
    void aCorrectionCannotFillTheInspectorsFields() {
        String number = submitFood("zhangwei", Map.of()).getBody().get("caseNumber").asText();
        var asked = act("wangfang", taskOf("wangfang", number, "acceptance"), "REQUEST_CORRECTION", null, List.of("补充布局图"));
        assertThat(asked.getStatusCode().value()).isEqualTo(204);
        var body = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        body.add("application", toJson(Map.of("form", Map.of("inspectionResult", "PASS", "agentName", "王五"))));
        body.add("LAYOUT_PLAN", file("布局图-修订.pdf", pdfBytes()));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var refused = as("zhangwei").postForEntity("/api/v1/cases/" + number + "/resubmission", new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(code(refused, "form.inspectionResult")).isEqualTo("not-editable");
        assertThat(caseOf("zhangwei", number).get("status").asText()).isEqualTo("CORRECTION_REQUESTED");
        assertThat(caseOf("wangfang", number).get("formData").has("inspectionResult")).isFalse();
    }

    @Test
    void onlyMappedFieldsBecomeProcessVariablesAndTheyRouteTheCase() {
        String sales = submitFood("zhangwei", Map.of("operatorType", "SALES")).getBody().get("caseNumber").asText();
        String catering = submitFood("zhangwei", Map.of("operatorType", "CATERING")).getBody().get("caseNumber").asText();
        for (String n : List.of(sales, catering)) {
            actOk("wangfang", n, "acceptance", "ACCEPT", "受理");
            actOk("liuyang", n, "review", "AGREE", "同意");
        }
        // a sales-only operator goes straight to the decision; catering is inspected
        assertThat(taskOf("wangfang", sales, "decision")).isNotNull();
        assertThat(taskOf("wangfang", catering, "inspection")).isNotNull();
        String instance = jdbc.queryForObject("SELECT process_instance_id FROM tb_case WHERE case_number = ?", String.class, sales);
        List<String> names = jdbc.queryForList("SELECT NAME_ FROM ACT_RU_VARIABLE WHERE PROC_INST_ID_ = ?", String.class, instance);
        assertThat(names).contains("operatorType").doesNotContain("operatorName", "premisesAddress", "staff", "contactPhone");
    }

    @Test
    void aJointReviewDepartmentDoesNotSeeWhatItsStepHides() {
        var form = new HashMap<String, Object>(Map.of("applicantName", "德清县莫干山文旅发展有限公司", "creditCode", "91330521MA29K7LX1A",
                "contactPhone", "13957231234", "siteAddress", "浙江省湖州市德清县武康街道英溪南路1号",
                "facilityType", "PILLAR", "widthMetres", 6, "heightMetres", 4, "periodMonths", 24, "lighting", "NO",
                "contentSummary", "莫干山国际旅游度假区形象宣传"));
        var submitted = submit("lina", OUTDOOR, form, Map.of("SITE_RIGHT", pdfBytes(), "DESIGN", pdfBytes(), "SAFETY", pdfBytes()));
        String number = submitted.getBody().get("caseNumber").asText();
        actOk("shenjianguo", number, "acceptance", "ACCEPT", "受理");
        String police = taskOf("yaozhiqiang", number, "jointReview");
        JsonNode detail = as("yaozhiqiang").getForObject("/api/v1/tasks/" + police, JsonNode.class);
        assertThat(detail.at("/caseView/formData").has("contactPhone")).isFalse();
        assertThat(detail.at("/caseView/formData/siteAddress").asText()).isNotEmpty();
        assertThat(caseOf("yaozhiqiang", number).get("formData").has("contactPhone")).isFalse();
        assertThat(as("yaozhiqiang").getForObject("/api/v1/cases/" + number + "/form", String.class)).doesNotContain("contactPhone");
        // the lead department, the applicant and the supervisor see it
        assertThat(caseOf("shenjianguo", number).at("/formData/contactPhone").asText()).isEqualTo("13957231234");
        assertThat(caseOf("lina", number).at("/formData/contactPhone").asText()).isEqualTo("13957231234");
        assertThat(caseOf("zhengli", number).at("/formData/contactPhone").asText()).isEqualTo("13957231234");
    }

    @Test
    void aFormVersionMustAgreeWithItsItemsStepsAndVariables() throws Exception {
        JsonNode latest = as("wujun").getForObject("/api/v1/items/" + FOOD + "/form-versions/latest", JsonNode.class);
        ObjectNode typo = (ObjectNode) latest.get("schema").deepCopy();
        ((ObjectNode) findGroup(typo, "inspectionGroup").get("properties")).put("tongban:editableAt", "inspektion");
        var refused = deploy(FOOD, json.writeValueAsString(typo));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().toString()).contains("inspektion").contains("not a user task");

        ObjectNode unmapped = (ObjectNode) latest.get("schema").deepCopy();
        ((ObjectNode) find(unmapped, "operatorType").get("properties")).remove("tongban:variable");
        var noVariable = deploy(FOOD, json.writeValueAsString(unmapped));
        assertThat(noVariable.getStatusCode().value()).isEqualTo(400);
        assertThat(noVariable.getBody().toString()).contains("operatorType").contains("no field maps it");
        assertThat(as("wujun").getForObject("/api/v1/items/" + FOOD + "/form-versions/latest", JsonNode.class)
                .get("version").asInt()).isEqualTo(latest.get("version").asInt());
    }

    private ResponseEntity<JsonNode> deploy(String schema) {
        return deploy(OUTDOOR, schema);
    }

    private ResponseEntity<JsonNode> deploy(String item, String schema) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as("wujun").postForEntity("/api/v1/items/" + item + "/form-versions", new HttpEntity<>(schema, headers), JsonNode.class);
    }

    private static JsonNode find(JsonNode schema, String key) {
        for (JsonNode c : schema.path("components")) {
            if (key.equals(c.path("key").asText())) {
                return c;
            }
            JsonNode inner = c.has("components") ? find(c, key) : null;
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    private static JsonNode findGroup(JsonNode schema, String id) {
        for (JsonNode c : (ArrayNode) schema.path("components")) {
            if (id.equals(c.path("id").asText())) {
                return c;
            }
        }
        return null;
    }
}
