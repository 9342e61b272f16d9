package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.tongban.support.ApiTestBase;

/** A retried submission (or resubmission) with the same Idempotency-Key is not a second case. */
class IdempotentSubmissionTest extends ApiTestBase {

    @Test
    void aSequentialRetryReturnsTheFirstCaseWithAFreshQueryCode() {
        String key = newKey();
        int before = casesOf("zhangwei");
        var first = submit("zhangwei", key, foodForm(), "lease.pdf");
        assertThat(first.getStatusCode().value()).as(String.valueOf(first.getBody())).isEqualTo(201);
        assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        var retry = submit("zhangwei", key, foodForm(), "lease.pdf");
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.getBody().get("caseNumber")).isEqualTo(first.getBody().get("caseNumber"));
        assertThat(retry.getBody().get("status")).isEqualTo(first.getBody().get("status"));
        assertThat(casesOf("zhangwei")).isEqualTo(before + 1);
        // the query code is never stored in clear: the replay issues a fresh one, which works, and the first stops
        String number = first.getBody().get("caseNumber").asText();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_idempotent_request WHERE response_body LIKE ?", Integer.class,
                "%" + first.getBody().get("queryCode").asText() + "%")).isZero();
        assertThat(retry.getBody().get("queryCode").asText()).isNotEqualTo(first.getBody().get("queryCode").asText());
        assertThat(rest.getForEntity("/api/v1/progress?caseNumber=" + number + "&queryCode="
                + retry.getBody().get("queryCode").asText(), JsonNode.class).getStatusCode().value()).isEqualTo(200);
        assertThat(rest.getForEntity("/api/v1/progress?caseNumber=" + number + "&queryCode="
                + first.getBody().get("queryCode").asText(), JsonNode.class).getStatusCode().value()).isEqualTo(404);
        // the same application without a key is a new case, as before
        assertThat(submit("zhangwei", null, foodForm(), "lease.pdf").getStatusCode().value()).isEqualTo(201);
        assertThat(casesOf("zhangwei")).isEqualTo(before + 2);
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        String key = newKey();
        assertThat(submit("zhangwei", key, foodForm(), "lease.pdf").getStatusCode().value()).isEqualTo(201);
        int before = casesOf("zhangwei");
        var changedForm = new HashMap<String, Object>(foodForm());
        changedForm.put("operatorName", "德清县另一家餐饮有限公司");
        for (var other : List.of(submit("zhangwei", key, changedForm, "lease.pdf"),
                submit("zhangwei", key, foodForm(), "another-name.pdf"))) {
            assertThat(other.getStatusCode().value()).isEqualTo(422);
            assertThat(other.getHeaders().getContentType().toString()).contains("application/problem+json");
            assertThat(other.getBody().get("code").asText()).isEqualTo("idempotency-key-reused");
            assertThat(other.getBody().get("detail").asText()).contains("Idempotency-Key");
        }
        // nor may a submission's key be reused for a resubmission
        String number = submitFood("zhangwei");
        actOk("wangfang", number, "acceptance", "REQUEST_CORRECTION", null, List.of("布局图未标明仓库位置"));
        assertThat(resubmit("zhangwei", number, key).getStatusCode().value()).isEqualTo(422);
        assertThat(casesOf("zhangwei")).isEqualTo(before + 1);
    }

    @Test
    void differentUsersWithTheSameKeyAreIndependent() {
        String key = newKey();
        var mine = submit("zhangwei", key, foodForm(), "lease.pdf");
        var theirs = submit("lina", key, foodForm(), "lease.pdf");
        assertThat(mine.getStatusCode().value()).isEqualTo(201);
        assertThat(theirs.getStatusCode().value()).isEqualTo(201);
        assertThat(theirs.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(theirs.getBody().get("caseNumber").asText()).isNotEqualTo(mine.getBody().get("caseNumber").asText());
        assertThat(caseOf("lina", theirs.getBody().get("caseNumber").asText()).get("applicant").asText()).isEqualTo("lina");
    }

    @Test
    void concurrentSubmissionsWithOneKeyMakeOneCase() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                String key = newKey();
                int before = casesOf("zhangwei");
                var start = new CountDownLatch(1);
                List<Future<ResponseEntity<JsonNode>>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return submit("zhangwei", key, foodForm(), "lease.pdf");
                    }));
                }
                start.countDown();
                var a = results.get(0).get(60, TimeUnit.SECONDS);
                var b = results.get(1).get(60, TimeUnit.SECONDS);
                assertThat(a.getStatusCode().value()).as(String.valueOf(a.getBody())).isEqualTo(201);
                assertThat(b.getStatusCode().value()).as(String.valueOf(b.getBody())).isEqualTo(201);
                assertThat(a.getBody().get("caseNumber")).isEqualTo(b.getBody().get("caseNumber"));
                assertThat(casesOf("zhangwei")).isEqualTo(before + 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aResubmissionRetryReturnsTheFirstResult() {
        String number = submitFood("zhangwei");
        actOk("wangfang", number, "acceptance", "REQUEST_CORRECTION", null, List.of("布局图未标明仓库位置"));
        String key = newKey();
        var first = resubmit("zhangwei", number, key);
        assertThat(first.getStatusCode().value()).as(String.valueOf(first.getBody())).isEqualTo(200);
        assertThat(first.getBody().get("status").asText()).isEqualTo("SUBMITTED");
        var retry = resubmit("zhangwei", number, key);
        assertThat(retry.getStatusCode().value()).isEqualTo(200);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        // an unknown (even absurdly long) case number is still just not found
        assertThat(resubmit("zhangwei", "TB" + "9".repeat(300), newKey()).getStatusCode().value()).isEqualTo(404);
        // without the key the retry is refused as before: the case no longer awaits correction
        assertThat(resubmit("zhangwei", number, null).getStatusCode().value()).isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_case_event e JOIN tb_case c ON c.id = e.case_id "
                + "WHERE c.case_number = ? AND e.action = 'RESUBMIT'", Integer.class, number)).isEqualTo(1);
    }

    @Test
    void aFailedRequestStoresNothingAndAnExpiredKeyIsFree() {
        String key = newKey();
        var invalid = new HashMap<String, Object>(foodForm());
        invalid.remove("operatorName");
        assertThat(submit("zhangwei", key, invalid, "lease.pdf").getStatusCode().value()).isEqualTo(400);
        var corrected = submit("zhangwei", key, foodForm(), "lease.pdf");
        assertThat(corrected.getStatusCode().value()).isEqualTo(201);
        assertThat(corrected.getHeaders().getFirst("Idempotent-Replayed")).isNull();

        // after 24 hours the stored response is gone and the key may be used again
        jdbc.update("UPDATE tb_idempotent_request SET created_at = ? WHERE username = 'zhangwei' AND key_hash = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofHours(25))),
                org.tongban.shared.Digests.sha256(key.getBytes()));
        var later = submit("zhangwei", key, foodForm(), "lease.pdf");
        assertThat(later.getStatusCode().value()).isEqualTo(201);
        assertThat(later.getBody().get("caseNumber").asText()).isNotEqualTo(corrected.getBody().get("caseNumber").asText());
    }

    @Test
    void aMalformedKeyIsAFieldProblem() throws Exception {
        int before = casesOf("zhangwei");
        for (String bad : List.of("", "two words", "x".repeat(129), "tab\there")) {
            var refused = submit("zhangwei", bad, foodForm(), "lease.pdf");
            assertThat(refused.getStatusCode().value()).as("key [" + bad + "]").isEqualTo(400);
            assertThat(refused.getBody().at("/errors/0/field").asText()).isEqualTo("Idempotency-Key");
            assertThat(refused.getBody().at("/errors/0/code").asText()).isEqualTo("idempotency-key-format");
            assertThat(refused.getBody().at("/errors/0/messages/en").asText()).contains("1 to 128 visible ASCII");
        }
        // raw UTF-8 bytes in the header, as curl sends them (the test client would replace them)
        assertThat(rawSubmission("Idempotency-Key: 键")).startsWith("HTTP/1.1 400").contains("idempotency-key-format");
        var twice = new HttpHeaders();
        twice.add("Idempotency-Key", "a");
        twice.add("Idempotency-Key", "b");
        assertThat(post("zhangwei", "/api/v1/cases", twice, application(foodForm(), "lease.pdf")).getStatusCode().value()).isEqualTo(400);
        assertThat(casesOf("zhangwei")).isEqualTo(before);
        assertThat(submit("zhangwei", "x".repeat(128), foodForm(), "lease.pdf").getStatusCode().value()).isEqualTo(201);
    }

    /** A submission written byte by byte, for header bytes no HTTP client library would send; returns the response. */
    private String rawSubmission(String header) throws Exception {
        URI root = URI.create(rest.getRootUri());
        String body = "--b0undary\r\nContent-Disposition: form-data; name=\"application\"\r\n\r\n"
                + toJson(Map.of("itemCode", FOOD, "form", foodForm())) + "\r\n--b0undary--\r\n";
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/cases HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + token("zhangwei", PASSWORD)
                + "\r\nContent-Type: multipart/form-data; boundary=b0undary\r\nContent-Length: " + content.length + "\r\n"
                + header + "\r\n\r\n";
        try (var socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(content);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private ResponseEntity<JsonNode> submit(String user, String key, Map<String, Object> form, String fileName) {
        var headers = new HttpHeaders();
        if (key != null) {
            headers.set("Idempotency-Key", key);
        }
        return post(user, "/api/v1/cases", headers, application(form, fileName));
    }

    private LinkedMultiValueMap<String, Object> application(Map<String, Object> form, String fileName) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("application", toJson(Map.of("itemCode", FOOD, "form", form)));
        body.add("PREMISES_PROOF", file(fileName, pdfBytes()));
        body.add("LAYOUT_PLAN", file("layout.pdf", pdfBytes()));
        return body;
    }

    private ResponseEntity<JsonNode> resubmit(String user, String number, String key) {
        var headers = new HttpHeaders();
        if (key != null) {
            headers.set("Idempotency-Key", key);
        }
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("LAYOUT_PLAN", file("layout-v2.pdf", pdfBytes()));
        return post(user, "/api/v1/cases/" + number + "/resubmission", headers, body);
    }

    private ResponseEntity<JsonNode> post(String user, String path, HttpHeaders headers, LinkedMultiValueMap<String, Object> body) {
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private void actOk(String approver, String number, String step, String action, String opinion, List<String> corrections) {
        assertThat(act(approver, taskOf(approver, number, step), action, opinion, corrections).getStatusCode().value()).isEqualTo(204);
    }

    private int casesOf(String applicant) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tb_case WHERE applicant = ?", Integer.class, applicant);
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }
}
