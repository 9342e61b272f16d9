package org.tongban.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.tongban.support.ApiTestBase;

/**
 * The rules of the sample forms enforced through POST /api/v1/cases: each bad input gets a 400 problem naming the
 * field path with zh-CN and en messages, and nothing is stored (no case, no material).
 */
class FormRulesHttpTest extends ApiTestBase {

    private static final String OUTDOOR = "OUTDOOR-ADVERTISING";

    private int stored() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tb_case", Integer.class)
                + jdbc.queryForObject("SELECT COUNT(*) FROM tb_material", Integer.class);
    }

    private ResponseEntity<JsonNode> food(Map<String, Object> changes) {
        var form = new HashMap<>(foodForm());
        form.putAll(changes);
        return submit("zhangwei", FOOD, form, Map.of("PREMISES_PROOF", pdfBytes(), "LAYOUT_PLAN", pdfBytes()));
    }

    private ResponseEntity<JsonNode> construction(Map<String, Object> changes) {
        var form = new HashMap<>(constructionForm());
        form.putAll(changes);
        form.values().removeIf(v -> v == REMOVE);
        return submit("zhangwei", CONSTRUCTION, form,
                Map.of("PLANNING_PERMIT", pdfBytes(), "CONTRACT", pdfBytes(), "DRAWINGS_REVIEW", pdfBytes()));
    }

    private static final String REMOVE = "\u0000remove";

    private ResponseEntity<JsonNode> outdoor(Map<String, Object> changes) {
        var form = new HashMap<String, Object>(Map.of("applicantName", "德清县莫干山文旅发展有限公司", "creditCode", "91330521MA29K7LX1A",
                "contactPhone", "13957231234", "siteAddress", "浙江省湖州市德清县武康街道英溪南路与余英街交叉口东北角",
                "facilityType", "PILLAR", "widthMetres", 6, "heightMetres", 4, "periodMonths", 24, "lighting", "NO",
                "contentSummary", "莫干山国际旅游度假区形象宣传"));
        form.putAll(changes);
        return submit("lina", OUTDOOR, form, Map.of("SITE_RIGHT", pdfBytes(), "DESIGN", pdfBytes(), "SAFETY", pdfBytes()));
    }

    /** The problem's errors as "field code", after checking status and that each has both messages. */
    private static List<String> errors(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);
        var found = new ArrayList<String>();
        for (JsonNode e : response.getBody().get("errors")) {
            assertThat(e.at("/messages/zh-CN").asText()).as(e.toString()).isNotBlank().doesNotContain("error.field");
            assertThat(e.at("/messages/en").asText()).as(e.toString()).isNotBlank().doesNotContain("error.field");
            found.add(e.get("field").asText() + " " + e.get("code").asText());
        }
        return found;
    }

    private static JsonNode error(ResponseEntity<JsonNode> response, String field) {
        for (JsonNode e : response.getBody().get("errors")) {
            if (e.get("field").asText().equals(field)) {
                return e;
            }
        }
        throw new AssertionError("no error at " + field + ": " + response.getBody());
    }

    @Test
    void staffRowsAreCheckedRowByRowWithTheirPath() {
        int before = stored();
        var good = Map.<String, Object>of("name", "王秀英", "residentId", "330521199003151223",
                "healthCertificateNo", "JK3305212026001", "healthCertificateExpiry", "2099-06-30");
        var rows = List.of(good, good, Map.of("name", "李强", "residentId", "330521198507083013",
                "healthCertificateNo", "JK 2026", "healthCertificateExpiry", "2020-01-31", "age", 30));
        var response = food(Map.of("staff", rows));
        assertThat(errors(response)).containsExactlyInAnyOrder("form.staff[2].age unknown-field",
                "form.staff[2].residentId bad-resident-id", "form.staff[2].healthCertificateNo bad-format",
                "form.staff[2].healthCertificateExpiry date-in-past");
        JsonNode expiry = error(response, "form.staff[2].healthCertificateExpiry");
        assertThat(expiry.at("/messages/zh-CN").asText()).isEqualTo("“健康证明有效期至”不能早于今天。");
        assertThat(expiry.at("/messages/en").asText()).isEqualTo("\"Health certificate valid until\" cannot be before today.");

        assertThat(errors(food(Map.of("staff", List.of())))).containsExactly("form.staff too-few-rows");
        assertThat(errors(food(Map.of("staff", good)))).containsExactly("form.staff not-a-list");
        assertThat(errors(food(Map.of("staff", java.util.Collections.nCopies(51, good))))).containsExactly("form.staff too-many-rows");
        assertThat(errors(food(Map.of("staff", List.of(Map.of("name", "王秀英"))))))
                .containsExactly("form.staff[0].residentId required", "form.staff[0].healthCertificateNo required",
                        "form.staff[0].healthCertificateExpiry required");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void optionsNumbersAndChineseFormatsOfTheFoodForm() {
        int before = stored();
        assertThat(errors(food(Map.of("foodCategories", List.of("HOT_FOOD", "TOBACCO")))))
                .containsExactly("form.foodCategories not-an-option");
        assertThat(errors(food(Map.of("premisesArea", 120.555)))).containsExactly("form.premisesArea too-many-decimals");
        assertThat(errors(food(Map.of("premisesArea", "120")))).containsExactly("form.premisesArea not-a-number");
        assertThat(errors(food(Map.of("premisesArea", 2)))).containsExactly("form.premisesArea too-small");
        var formats = food(Map.of("postalCode", "31320", "divisionCode", "990521"));
        assertThat(errors(formats)).containsExactly("form.postalCode bad-postal-code", "form.divisionCode bad-division-code");
        assertThat(error(formats, "form.divisionCode").at("/messages/zh-CN").asText()).contains("行政区划代码", "GB/T 2260");
        assertThat(error(formats, "form.postalCode").at("/messages/en").asText()).isEqualTo("\"Postal code\" is not a valid postal code (6 digits).");
        assertThat(errors(food(Map.of("diningSeats", 12.5)))).containsExactly("form.diningSeats too-many-decimals");
        assertThat(stored()).isEqualTo(before);

        // the same values done right are stored; the server counts the staff itself
        var accepted = food(Map.of("foodCategories", List.of("HOT_FOOD", "COLD_FOOD"), "premisesArea", 120.5,
                "postalCode", "313200", "divisionCode", "330521", "diningSeats", 40, "staffCount", 99));
        assertThat(accepted.getStatusCode().value()).as(String.valueOf(accepted.getBody())).isEqualTo(201);
        JsonNode data = caseOf("zhangwei", accepted.getBody().get("caseNumber").asText()).get("formData");
        assertThat(data.get("staffCount").asInt()).isEqualTo(1);
        assertThat(data.get("foodCategories")).hasSize(2);
        assertThat(data.at("/staff/0/healthCertificateNo").asText()).isEqualTo("JK3305212026001");
    }

    @Test
    void hiddenFieldsAreNeitherRequiredNorStored() {
        int before = stored();
        // dining seats only for catering: a canteen's value is dropped, not refused
        var canteen = food(Map.of("operatorType", "CANTEEN", "diningSeats", 12.5));
        assertThat(canteen.getStatusCode().value()).as(String.valueOf(canteen.getBody())).isEqualTo(201);
        assertThat(caseOf("zhangwei", canteen.getBody().get("caseNumber").asText()).get("formData").has("diningSeats")).isFalse();

        // the supervision company is required only when the works are supervised
        int afterCanteen = stored();
        assertThat(errors(construction(Map.of("supervisorName", REMOVE, "supervisorCreditCode", REMOVE))))
                .containsExactly("form.supervisorName required", "form.supervisorCreditCode required");
        assertThat(errors(construction(Map.of("supervisorCreditCode", "91330521MA29K7LX1B"))))
                .containsExactly("form.supervisorCreditCode bad-credit-code");
        assertThat(stored()).isEqualTo(afterCanteen);
        var unsupervised = construction(Map.of("supervisionRequired", "NO", "plannedDays", 1));
        assertThat(unsupervised.getStatusCode().value()).as(String.valueOf(unsupervised.getBody())).isEqualTo(201);
        JsonNode data = caseOf("zhangwei", unsupervised.getBody().get("caseNumber").asText()).get("formData");
        assertThat(data.has("supervisorName")).isFalse();
        assertThat(data.has("supervisorCreditCode")).isFalse();
        assertThat(data.get("plannedDays").asInt()).isEqualTo(717); // 2027-01-15 … 2028-12-31, by the server
        assertThat(stored()).isGreaterThan(before);
    }

    @Test
    void constructionDatesAndGroupsAndOutdoorLighting() {
        int before = stored();
        assertThat(errors(construction(Map.of("plannedEnd", "2028-02-30", "contractorCreditCode", "91330521MA29K7LX1B"))))
                .containsExactlyInAnyOrder("form.plannedEnd bad-date", "form.contractorCreditCode bad-credit-code");
        assertThat(errors(construction(Map.of("landUsePermitNo", REMOVE, "supervisor", Map.of("name", "x")))))
                .containsExactlyInAnyOrder("form.landUsePermitNo required", "form.supervisor unknown-field");

        var lit = outdoor(Map.of("lighting", "YES"));
        assertThat(errors(lit)).containsExactly("form.lightingType required");
        assertThat(error(lit, "form.lightingType").at("/messages/zh-CN").asText()).isEqualTo("“照明方式”为必填项。");
        assertThat(errors(outdoor(Map.of("lighting", "MAYBE", "widthMetres", 60)))).containsExactly(
                "form.widthMetres too-large", "form.lighting not-an-option");
        assertThat(stored()).isEqualTo(before);

        // the area is the server's width × height, whatever the client says
        var accepted = outdoor(Map.of("lighting", "YES", "lightingType", "LED", "widthMetres", 2.5, "heightMetres", 1.2, "areaSquareMetres", 999));
        assertThat(accepted.getStatusCode().value()).as(String.valueOf(accepted.getBody())).isEqualTo(201);
        JsonNode data = caseOf("lina", accepted.getBody().get("caseNumber").asText()).get("formData");
        assertThat(data.get("areaSquareMetres").asDouble()).isEqualTo(3.0);
        assertThat(data.get("lightingType").asText()).isEqualTo("LED");
    }

    @Test
    void aResubmissionIsCheckedTheSameWayAndStoresNothingWhenRefused() {
        String number = submitFood("zhangwei");
        assertThat(act("wangfang", taskOf("wangfang", number, "acceptance"), "REQUEST_CORRECTION", null,
                List.of("补充从业人员健康证明")).getStatusCode().value()).isEqualTo(204);
        String storedForm = jdbc.queryForObject("SELECT form_data FROM tb_case WHERE case_number = ?", String.class, number);
        int materials = jdbc.queryForObject("SELECT COUNT(*) FROM tb_material", Integer.class);
        var rows = List.of(Map.of("name", "王秀英", "residentId", "330521199003151223", "healthCertificateNo", "JK3305212026001",
                "healthCertificateExpiry", "2099-06-30"), Map.of("name", "李强", "residentId", "330521198507083012",
                "healthCertificateNo", "JK3305212026002", "healthCertificateExpiry", "2099-13-01"));
        var refused = resubmit(number, Map.of("staff", rows, "operatorType", "SALES", "diningSeats", 10));
        assertThat(errors(refused)).containsExactly("form.staff[1].healthCertificateExpiry bad-date");
        assertThat(jdbc.queryForObject("SELECT form_data FROM tb_case WHERE case_number = ?", String.class, number)).isEqualTo(storedForm);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_material", Integer.class)).isEqualTo(materials);
        assertThat(caseOf("zhangwei", number).get("status").asText()).isEqualTo("CORRECTION_REQUESTED");

        var fixed = new java.util.ArrayList<Map<String, String>>(rows);
        fixed.set(1, Map.of("name", "李强", "residentId", "330521198507083012", "healthCertificateNo", "JK3305212026002",
                "healthCertificateExpiry", "2099-12-01"));
        var accepted = resubmit(number, Map.of("staff", fixed, "operatorType", "SALES", "diningSeats", 10));
        assertThat(accepted.getStatusCode().value()).as(String.valueOf(accepted.getBody())).isEqualTo(200);
        JsonNode data = caseOf("zhangwei", number).get("formData");
        assertThat(data.get("staff")).hasSize(2);
        assertThat(data.get("staffCount").asInt()).isEqualTo(2);
        assertThat(data.has("diningSeats")).isFalse(); // a shop has no dining seats: hidden, so dropped
    }

    private ResponseEntity<JsonNode> resubmit(String number, Map<String, Object> changes) {
        var body = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        body.add("application", toJson(Map.of("form", changes)));
        body.add("LAYOUT_PLAN", file("布局图-修订.pdf", pdfBytes()));
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        return as("zhangwei").exchange("/api/v1/cases/" + number + "/resubmission", org.springframework.http.HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(body, headers), JsonNode.class);
    }
}
