package org.tongban.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.tongban.support.ApiTestBase;

/** The validation the forms promise, enforced by the server: check characters, plain text, exact enums. */
class FormValidationTest extends ApiTestBase {

    private int cases() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tb_case", Integer.class);
    }

    private ResponseEntity<JsonNode> submitFood(Map<String, Object> changes) {
        var form = new HashMap<>(foodForm());
        form.putAll(changes);
        return submit("zhangwei", FOOD, form, Map.of("PREMISES_PROOF", pdfBytes(), "LAYOUT_PLAN", pdfBytes()));
    }

    private static JsonNode onlyError(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);
        assertThat(response.getBody().get("errors")).as(String.valueOf(response.getBody())).hasSize(1);
        JsonNode error = response.getBody().at("/errors/0");
        assertThat(error.get("field").asText()).isEqualTo(field);
        return error;
    }

    @Test
    void creditCodesWithAWrongCheckCharacterAreRefused() {
        int before = cases();
        // right shape, wrong GB 32100 check character (the right one is Q): passes the form's pattern
        JsonNode error = onlyError(submitFood(Map.of("creditCode", "91330521MA2B3C4D5R")), "form.creditCode");
        assertThat(error.get("code").asText()).isEqualTo("bad-credit-code");
        assertThat(error.at("/messages/zh-CN").asText()).isEqualTo("“统一社会信用代码”不是有效的统一社会信用代码（18 位，末位校验码须符合 GB 32100）。");
        assertThat(error.at("/messages/en").asText()).contains("GB 32100");

        var construction = new HashMap<>(constructionForm());
        construction.put("builderCreditCode", "91330521MA29K7LX1B");
        var refused = submit("zhangwei", CONSTRUCTION, construction,
                Map.of("PLANNING_PERMIT", pdfBytes(), "CONTRACT", pdfBytes(), "DRAWINGS_REVIEW", pdfBytes()));
        assertThat(onlyError(refused, "form.builderCreditCode").get("code").asText()).isEqualTo("bad-credit-code");
        assertThat(cases()).isEqualTo(before);

        assertThat(submitFood(Map.of("creditCode", "91330521MA2B3C4D5Q")).getStatusCode().value()).isEqualTo(201);
        submitConstruction("zhangwei");
        assertThat(cases()).isEqualTo(before + 2);
    }

    @Test
    void controlAndBidiCharactersInTextAreRefused() {
        int before = cases();
        for (String bad : new String[] {"\u0000", "\u001b[31m", "\u007f", "\u0085", "\u202e", "\u202a", "\u2066", "\u2069", "\n", "\t",
                "\u200f", "\u061c", "\u200b", "\ufeff", "\u2028", "\ue000", "\uffff"}) {
            JsonNode error = onlyError(submitFood(Map.of("operatorName", "味香" + bad + "餐饮")), "form.operatorName");
            assertThat(error.get("code").asText()).as(bad.codePointAt(0) + "").isEqualTo("control-character");
            assertThat(error.at("/messages/zh-CN").asText()).contains("控制字符");
        }
        JsonNode error = onlyError(submitFood(Map.of("businessScope", "热食类\u0000食品制售")), "form.businessScope");
        assertThat(error.get("code").asText()).isEqualTo("control-character");
        // an unpaired surrogate can only arrive as a JSON escape
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("application", toJson(Map.of("itemCode", FOOD, "form", foodForm())).replace("德清县禹越镇味香", "\\ud800"));
        body.add("PREMISES_PROOF", file("p.pdf", pdfBytes()));
        body.add("LAYOUT_PLAN", file("l.pdf", pdfBytes()));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var surrogate = as("zhangwei").postForEntity("/api/v1/cases", new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(onlyError(surrogate, "form.operatorName").get("code").asText()).isEqualTo("control-character");
        assertThat(cases()).isEqualTo(before);

        // a textarea keeps its lines and tabs; ordinary punctuation and CJK are plain text
        var accepted = submitFood(Map.of("businessScope", "热食类食品制售\n冷食类食品制售\r\n\t（含生食）", "operatorName", "味香·餐饮（德清）"));
        assertThat(accepted.getStatusCode().value()).as(String.valueOf(accepted.getBody())).isEqualTo(201);
    }

    @Test
    void enumsAcceptOnlyTheirExactNames() {
        String number = submitFood(Map.of()).getBody().get("caseNumber").asText();
        String task = taskOf("wangfang", number, "acceptance");
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        for (String body : new String[] {"{\"action\": 2}", "{\"action\": \"2\"}", "{\"action\": 0}", "{\"action\": \"accept\"}",
                "{\"action\": \"Accept\"}", "{\"action\": 2.0}"}) {
            var response = as("wangfang").exchange("/api/v1/tasks/" + task + "/complete", HttpMethod.POST,
                    new HttpEntity<>(body, headers), JsonNode.class);
            JsonNode error = onlyError(response, "action");
            assertThat(error.get("code").asText()).as(body).isEqualTo("not-an-option");
            assertThat(error.at("/messages/en").asText()).isEqualTo("\"Action\" must be one of: "
                    + String.join("/", java.util.Arrays.stream(org.tongban.cases.StepAction.values()).map(Enum::name).toList()) + ".");
            assertThat(error.at("/messages/zh-CN").asText()).startsWith("“办理动作”只能选择：");
        }
        assertThat(caseOf("zhangwei", number).get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(as("zhangwei").getForObject("/api/v1/cases/" + number + "/history", JsonNode.class)).hasSize(1);
        actOk("wangfang", number, "acceptance", "ACCEPT", null);
        assertThat(caseOf("zhangwei", number).get("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void opinionsAreCheckedForControlCharactersToo() {
        String number = submitFood(Map.of()).getBody().get("caseNumber").asText();
        String task = taskOf("wangfang", number, "acceptance");
        var response = act("wangfang", task, "REJECT", "不符合\u202e条件", null);
        assertThat(onlyError(response, "opinion").get("code").asText()).isEqualTo("control-character");
        var correction = act("wangfang", task, "REQUEST_CORRECTION", null, java.util.List.of("补充\u0000材料"));
        assertThat(onlyError(correction, "corrections").get("code").asText()).isEqualTo("control-character");
        assertThat(caseOf("zhangwei", number).get("status").asText()).isEqualTo("SUBMITTED");
    }
}
