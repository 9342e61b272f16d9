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
        assertThat(resubmit.getBody().get("detail").asText()).contains("“已提交”").doesNotContain("SUBMITTED");
        String task = taskOf("wangfang", number, "acceptance");
        var grantAtAcceptance = act("wangfang", task, "GRANT", "准予", null);
        assertProblem(grantAtAcceptance, 400, "invalid-input");
        assertThat(grantAtAcceptance.getBody().at("/errors/0/field").asText()).isEqualTo("action");
        // zh messages carry no English engine text: actions by their Chinese names
        assertThat(grantAtAcceptance.getBody().at("/errors/0/messages/zh-CN").asText())
                .isEqualTo("此环节不能执行“准予许可”，可执行：受理、不予受理、补正告知。");
        assertThat(grantAtAcceptance.getBody().at("/errors/0/messages/en").asText())
                .isEqualTo("Action \"grant\" is not possible at this step; possible: accept, reject at acceptance, request correction.");
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
        assertThat(response.getBody().get("detail").asText()).isEqualTo("上传内容过大：单个文件不超过 10 MB，一次申请合计不超过 40 MB。");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void anOversizedTextPartIsReportedWithItsOwnLimitAndName() {
        int before = cases();
        var form = new HashMap<>(foodForm());
        form.put("businessScope", "热".repeat(1024 * 1024)); // 3 MB of UTF-8: over the 2 MB text limit, under 10 MB
        var response = submit("zhangwei", FOOD, form, Map.of("PREMISES_PROOF", pdfBytes(), "LAYOUT_PLAN", pdfBytes()));
        assertProblem(response, 413, "text-too-large");
        JsonNode error = errorOf(response.getBody().get("errors"), "application");
        assertThat(error.get("code").asText()).isEqualTo("text-too-large");
        assertThat(error.at("/messages/zh-CN").asText()).isEqualTo("“申请内容”过大：文本部分（不含上传文件）合计不超过 2 MB。");
        assertThat(error.at("/messages/en").asText()).contains("at most 2 MB").doesNotContain("10 MB");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void otherMultipartRefusalsSayWhatIsWrong() {
        int before = cases();
        var body = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        body.add("application", toJson(Map.of("itemCode", FOOD, "form", foodForm())));
        for (int i = 0; i < 60; i++) {
            body.add("PART" + i, file(i + ".pdf", pdfBytes()));
        }
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var tooMany = as("zhangwei").postForEntity("/api/v1/cases", new HttpEntity<>(body, headers), JsonNode.class);
        assertProblem(tooMany, 413, "too-many-parts");
        assertThat(tooMany.getBody().get("detail").asText()).isEqualTo("上传的部分过多：一次请求最多 50 个部分（文件与文本合计）。");

        var garbage = new HttpHeaders();
        garbage.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=zzz"));
        var broken = as("zhangwei").postForEntity("/api/v1/cases", new HttpEntity<>("--zzz\r\nContent-Disposition: form-data; name=\"application\"\r\n\r\n{", garbage), JsonNode.class);
        assertProblem(broken, 400, "invalid-input");
        assertThat(errorOf(broken.getBody().get("errors"), "body").get("code").asText()).isEqualTo("malformed-multipart");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void missingPartsAndParametersAreNamed() {
        var body = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        body.add("PREMISES_PROOF", file("p.pdf", pdfBytes()));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var noApplication = as("zhangwei").postForEntity("/api/v1/cases", new HttpEntity<>(body, headers), JsonNode.class);
        assertProblem(noApplication, 400, "invalid-input");
        JsonNode error = errorOf(noApplication.getBody().get("errors"), "application");
        assertThat(error.get("code").asText()).isEqualTo("required");
        assertThat(error.at("/messages/zh-CN").asText()).isEqualTo("“申请内容”为必填项。");
        assertThat(error.at("/messages/en").asText()).isEqualTo("\"Application\" is required.");

        var noQueryCode = rest.getForEntity("/api/v1/progress?caseNumber=TB20260101000001", JsonNode.class);
        assertProblem(noQueryCode, 400, "invalid-input");
        assertThat(errorOf(noQueryCode.getBody().get("errors"), "queryCode").at("/messages/zh-CN").asText()).isEqualTo("“查询码”为必填项。");

        var designerHeaders = new HttpHeaders();
        designerHeaders.setContentType(MediaType.MULTIPART_FORM_DATA);
        var noFile = as("wujun").postForEntity("/api/v1/items/" + FOOD + "/process-versions",
                new HttpEntity<>(new org.springframework.util.LinkedMultiValueMap<String, Object>(java.util.Map.of("other", List.of("x"))),
                        designerHeaders), JsonNode.class);
        assertProblem(noFile, 400, "invalid-input");
        assertThat(errorOf(noFile.getBody().get("errors"), "file").get("code").asText()).isEqualTo("required");
    }

    @Test
    void numbersInMessagesPrintPlainly() {
        var form = new HashMap<>(constructionForm());
        form.put("floorArea", 10_000_001);
        var response = submit("zhangwei", CONSTRUCTION, form,
                Map.of("PLANNING_PERMIT", pdfBytes(), "CONTRACT", pdfBytes(), "DRAWINGS_REVIEW", pdfBytes()));
        assertProblem(response, 400, "invalid-input");
        JsonNode area = errorOf(response.getBody().get("errors"), "form.floorArea");
        assertThat(area.at("/messages/zh-CN").asText()).isEqualTo("“建筑面积（平方米）”不能大于 10000000。");
        assertThat(area.at("/messages/en").asText()).isEqualTo("\"Floor area (m²)\" must be at most 10000000.");

        String task = taskOf("wangfang", submitFood("zhangwei"), "acceptance");
        var tooLong = act("wangfang", task, "REJECT", "长".repeat(2001), null);
        assertProblem(tooLong, 400, "invalid-input");
        assertThat(errorOf(tooLong.getBody().get("errors"), "opinion").at("/messages/zh-CN").asText()).isEqualTo("“审批意见”最多 2000 个字。");
    }

    @Test
    void notAcceptableIsAProblemWithARealMessage() {
        var xml = new HttpHeaders();
        xml.setAccept(List.of(MediaType.APPLICATION_XML));
        var items = rest.exchange("/api/v1/items", HttpMethod.GET, new HttpEntity<>(xml), String.class);
        assertThat(items.getStatusCode().value()).isEqualTo(406);
        assertThat(items.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(items.getBody()).contains("\"code\":\"not-acceptable\"", "\"title\":\"无法提供所请求的格式\"")
                .doesNotContain("error.title");

        var png = new HttpHeaders();
        png.setAccept(List.of(MediaType.IMAGE_PNG));
        png.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        var licence = as("zhangwei").exchange("/api/v1/cases/TB20260101000001/licence", HttpMethod.GET, new HttpEntity<>(png), String.class);
        assertThat(licence.getStatusCode().value()).isEqualTo(406);
        assertThat(licence.getBody()).contains("\"title\":\"Not acceptable\"", "The requested format cannot be produced.");
    }

    @org.springframework.beans.factory.annotation.Autowired
    private ProblemWriter problems;

    @Test
    void engineTextIsATechnicalDetailBesideTheLocalizedMessage() {
        var problem = problems.problem(java.util.Locale.SIMPLIFIED_CHINESE, 400, "invalid-input", List.of(), List.of(
                org.tongban.shared.FieldProblem.of("bpmn", "bpmn-invalid", "review", "flowable-usertask-invalid",
                        new org.tongban.shared.TechnicalDetail("cvc-id.1: There is no ID/IDREF binding for IDREF 'end'."))));
        @SuppressWarnings("unchecked")
        var error = ((List<Map<String, Object>>) problem.getProperties().get("errors")).get(0);
        assertThat((String) error.get("message")).isEqualTo("“review”：流程定义校验未通过（flowable-usertask-invalid）。").doesNotContain("IDREF").doesNotContain("{0}");
        assertThat(error.get("technicalDetail")).isEqualTo("cvc-id.1: There is no ID/IDREF binding for IDREF 'end'.");
    }

    @Test
    void theErrorPathItselfIsAnUnknownResource() {
        assertProblem(rest.getForEntity("/error", JsonNode.class), 404, "no-such-resource");
        assertProblem(as("zhangwei").getForEntity("/error", JsonNode.class), 404, "no-such-resource");
    }

    @Test
    void requestsTomcatOrTheFirewallRefuseAreProblemJsonToo() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        String base = rest.getRootUri();
        String longPath = "/api/v1/items/" + "a".repeat(20 * 1024);
        for (String path : List.of("/api/v1/items/a%2Fb", "/api/v1/items/a%00b", "/api/v1/items;x=1", "/api//v1/items", longPath)) {
            var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                    .header("Accept-Language", "en").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/problem+json");
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.get("code").asText()).as(path).isEqualTo("malformed-request");
            // an over-long request line is refused before its headers are read: no Accept-Language, so zh-CN
            assertThat(problem.get("title").asText()).as(path).isEqualTo(path.equals(longPath) ? "请求有误" : "Bad request");
            assertThat(response.body()).doesNotContain("<html").doesNotContain("Exception");
        }
        var bigHeader = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/items"))
                .header("X-Padding", "a".repeat(20 * 1024)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(bigHeader.statusCode()).isEqualTo(400);
        assertThat(bigHeader.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(bigHeader.body());
        assertThat(problem.get("code").asText()).isEqualTo("malformed-request");
        assertThat(problem.get("detail").asText()).contains("请求头");
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
