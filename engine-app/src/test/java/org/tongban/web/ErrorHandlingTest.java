package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tongban.support.ApiTestBase;

/** Bad input: 4xx problem JSON with field-level zh-CN and en messages, and nothing changes. */
class ErrorHandlingTest extends ApiTestBase {

    private int cases() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tb_case", Integer.class);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, int status, String code) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(response.getBody().get("code").asText()).isEqualTo(code);
        assertThat(response.getBody().toString()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void unknownItemIsA404NamingIt() {
        int before = cases();
        var response = submit("zhangwei", "NO-SUCH-ITEM", foodForm(), Map.of("PREMISES_PROOF", pdfBytes()));
        assertProblem(response, 404, "item-not-found");
        assertThat(response.getBody().get("detail").asText()).contains("NO-SUCH-ITEM");
        assertProblem(rest.getForEntity("/api/v1/items/NO-SUCH-ITEM", JsonNode.class), 404, "item-not-found");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void missingAndMalformedFieldsAreListedPerFieldInChineseAndEnglish() {
        int before = cases();
        var form = new HashMap<>(foodForm());
        form.remove("operatorName");
        form.put("creditCode", "123");
        form.put("operatorType", "CASINO");
        form.put("surprise", "x");
        var response = submit("zhangwei", FOOD, form, Map.of("PREMISES_PROOF", "MZ-not-a-pdf".getBytes()));
        assertProblem(response, 400, "invalid-input");
        JsonNode errors = response.getBody().get("errors");
        assertThat(errors.findValuesAsText("field")).containsExactlyInAnyOrder("form.surprise", "form.operatorName",
                "form.creditCode", "form.operatorType", "materials.PREMISES_PROOF", "materials.LAYOUT_PLAN");
        JsonNode name = errorOf(errors, "form.operatorName");
        assertThat(name.get("message").asText()).isEqualTo("“经营者名称”为必填项。");
        assertThat(name.at("/messages/zh-CN").asText()).isEqualTo("“经营者名称”为必填项。");
        assertThat(name.at("/messages/en").asText()).isEqualTo("\"Operator name\" is required.");
        assertThat(errorOf(errors, "materials.PREMISES_PROOF").at("/messages/en").asText()).contains("wrong file type");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void englishIsServedWhenAsked() {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        var response = rest.exchange("/api/v1/items/NOPE", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
        assertThat(response.getBody().get("detail").asText()).isEqualTo("Item NOPE does not exist.");
    }

    @Test
    void malformedJsonIsA400() {
        int before = cases();
        var body = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        body.add("application", "{\"itemCode\": \"FOOD-BUSINESS-LICENCE\", \"form\": {");
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var response = as("zhangwei").postForEntity("/api/v1/cases", new HttpEntity<>(body, headers), JsonNode.class);
        assertProblem(response, 400, "invalid-input");
        assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo("application");

        String task = taskOf("wangfang", submitFood("zhangwei"), "acceptance");
        var jsonHeaders = new HttpHeaders();
        jsonHeaders.setContentType(MediaType.APPLICATION_JSON);
        assertProblem(as("wangfang").exchange("/api/v1/tasks/" + task + "/complete", HttpMethod.POST,
                new HttpEntity<>("{\"action\": ", jsonHeaders), JsonNode.class), 400, "invalid-input");
        var badEnum = as("wangfang").exchange("/api/v1/tasks/" + task + "/complete", HttpMethod.POST,
                new HttpEntity<>("{\"action\": \"APPROVE_EVERYTHING\"}", jsonHeaders), JsonNode.class);
        assertProblem(badEnum, 400, "invalid-input");
        assertThat(badEnum.getBody().at("/errors/0/field").asText()).isEqualTo("action");
        assertThat(cases()).isEqualTo(before + 1);
    }

    @Test
    void wrongStateTransitionsAreConflictsAndChangeNothing() {
        String number = submitFood("zhangwei");
        var resubmit = as("zhangwei").exchange("/api/v1/cases/" + number + "/resubmission", HttpMethod.POST,
                multipart(Map.of()), JsonNode.class);
        assertProblem(resubmit, 409, "case-not-awaiting-correction");
        String task = taskOf("wangfang", number, "acceptance");
        var grantAtAcceptance = act("wangfang", task, "GRANT", "准予", null);
        assertProblem(grantAtAcceptance, 400, "invalid-input");
        assertThat(grantAtAcceptance.getBody().at("/errors/0/field").asText()).isEqualTo("action");
        var emptyCorrection = act("wangfang", task, "REQUEST_CORRECTION", null, List.of(" "));
        assertProblem(emptyCorrection, 400, "invalid-input");
        assertThat(caseOf("zhangwei", number).get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(as("zhangwei").getForObject("/api/v1/cases/" + number + "/history", JsonNode.class)).hasSize(1);
        assertProblem(act("wangfang", "no-such-task", "ACCEPT", null, null), 404, "task-not-found");
    }

    @Test
    void oversizedUploadsAreA413() {
        int before = cases();
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(pdfBytes(), 0, big, 0, pdfBytes().length);
        var response = submit("zhangwei", FOOD, foodForm(), Map.of("PREMISES_PROOF", big, "LAYOUT_PLAN", pdfBytes()));
        assertProblem(response, 413, "upload-too-large");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        assertProblem(as("zhangwei").getForEntity("/api/v1/nothing-here", JsonNode.class), 404, "no-such-resource");
        assertProblem(as("zhangwei").exchange("/api/v1/items", HttpMethod.DELETE, null, JsonNode.class), 405, "method-not-allowed");
    }

    private static JsonNode errorOf(JsonNode errors, String field) {
        for (JsonNode e : errors) {
            if (field.equals(e.get("field").asText())) {
                return e;
            }
        }
        throw new AssertionError("no error for " + field + " in " + errors);
    }

    private HttpEntity<?> multipart(Map<String, Object> form) {
        var body = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        body.add("application", toJson(Map.of("form", form)));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(body, headers);
    }
}
