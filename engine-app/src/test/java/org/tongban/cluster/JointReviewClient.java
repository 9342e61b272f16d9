package org.tongban.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.tongban.support.ApiTestBase;

/**
 * An API client of the construction permit's joint review, as a well-behaved integrator writes one against a
 * cluster: bearer tokens; on 503 it waits and retries; a submission is retried with the same Idempotency-Key;
 * after a 503 on a completion it looks at the to-do list again and completes the task only if it is still there (the
 * lost answer may have been a success). Every answer that is not a success is recorded for the test to judge.
 */
final class JointReviewClient {

    static final Map<String, String> REVIEWERS = Map.of("DQ-ZRZY", "zhaolei", "DQ-XF", "sunqiang", "DQ-STHJ", "zhoumin");
    /** The steps of one case: step key, user, action, opinion (each opinion names its step, to be found again). */
    static final List<List<String>> STEPS = List.of(
            List.of("acceptance", "chenjing", "ACCEPT", "材料齐全，予以受理"),
            List.of("jointReview", "zhaolei", "AGREE", "自然资源和规划局：同意"),
            List.of("jointReview", "sunqiang", "AGREE", "消防救援大队：同意"),
            List.of("jointReview", "zhoumin", "AGREE", "生态环境局：同意"),
            List.of("consolidation", "chenjing", "CONSOLIDATE", "各部门均同意"),
            List.of("decision", "chenjing", "GRANT", "准予许可"));

    record Answer(int status, byte[] body) {

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                return MAPPER.missingNode();
            }
        }

        String code() {
            return json().path("code").asText("");
        }
    }

    /** A non-success answer: what was asked, the status, the problem code. */
    record Failure(String request, int status, String code) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String base;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger licencePolls = new AtomicInteger();

    JointReviewClient(String base) {
        this.base = base;
    }

    /** One whole case; returns its number. */
    String cycle() throws Exception {
        String number = submit();
        for (List<String> step : STEPS) {
            complete(step.get(1), number, step.get(0), step.get(2), step.get(3));
        }
        downloadLicence(number);
        return number;
    }

    String submit() throws Exception {
        String key = UUID.randomUUID().toString();
        String boundary = "----tongban" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        part(body, boundary, "application", null, "application/json",
                MAPPER.writeValueAsBytes(Map.of("itemCode", ApiTestBase.CONSTRUCTION, "form", ApiTestBase.constructionForm())));
        for (String code : List.of("PLANNING_PERMIT", "CONTRACT", "DRAWINGS_REVIEW")) {
            part(body, boundary, code, code + ".pdf", "application/pdf", ApiTestBase.pdfBytes());
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var answer = retrying("POST /cases", () -> send("POST", "/api/v1/cases", "lina",
                "multipart/form-data; boundary=" + boundary, body.toByteArray(), Map.of("Idempotency-Key", key)));
        expect(answer, 201, "POST /cases");
        return answer.json().get("caseNumber").asText();
    }

    void complete(String user, String number, String step, String action, String opinion) throws Exception {
        boolean answerLost = false;
        for (int attempt = 0; attempt < 400; attempt++) {
            String task = null;
            var list = retrying("GET /tasks", () -> send("GET", "/api/v1/tasks?caseNumber=" + number, user, null, null, Map.of()));
            expect(list, 200, "GET /tasks");
            for (JsonNode t : list.json().path("items")) {
                if (step.equals(t.path("stepKey").asText())) {
                    task = t.get("id").asText();
                }
            }
            if (task == null) {
                if (answerLost) {
                    return; // the completion whose answer was lost had committed: the step is done
                }
                Thread.sleep(50);
                continue;
            }
            String id = task;
            var done = send("POST", "/api/v1/tasks/" + id + "/complete", user, "application/json",
                    MAPPER.writeValueAsBytes(Map.of("action", action, "opinion", opinion)), Map.of());
            if (done.status() == 204) {
                return;
            }
            failures.add(new Failure("POST /tasks/{id}/complete " + step, done.status(), done.code()));
            if (done.status() == 503) {
                answerLost = true;
                Thread.sleep(250);
            } else if (done.status() != 409) {
                throw new IllegalStateException(step + " of " + number + ": " + done.status() + " " + new String(done.body(), StandardCharsets.UTF_8));
            }
        }
        throw new IllegalStateException(step + " of " + number + " never completed");
    }

    /** The applicant downloads the licence, issued after the grant commits: 409 licence-being-issued until then. */
    void downloadLicence(String number) throws Exception {
        for (int attempt = 0; attempt < 1200; attempt++) {
            var pdf = retrying("GET /licence", () -> send("GET", "/api/v1/cases/" + number + "/licence", "lina", null, null,
                    Map.of("Accept", "application/pdf")));
            if (pdf.status() == 200) {
                if (!new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
                    throw new IllegalStateException("licence of " + number + " is not a PDF");
                }
                return;
            }
            if (pdf.status() != 409 || !pdf.code().equals("licence-being-issued")) {
                expect(pdf, 200, "GET /licence");
            }
            licencePolls.incrementAndGet();
            Thread.sleep(100);
        }
        throw new IllegalStateException("licence of " + number + " not issued within 2 minutes");
    }

    private interface Request {
        Answer send() throws IOException;
    }

    /** Retries while the cluster answers 503 (a node died under the request, or none is up yet), recording each. */
    private Answer retrying(String what, Request request) throws Exception {
        for (int attempt = 0; attempt < 240; attempt++) {
            Answer answer = request.send();
            if (answer.status() != 503) {
                return answer;
            }
            failures.add(new Failure(what, 503, answer.code()));
            Thread.sleep(250);
        }
        throw new IllegalStateException(what + ": 503 for a minute");
    }

    private void expect(Answer answer, int status, String what) {
        if (answer.status() != status) {
            failures.add(new Failure(what, answer.status(), answer.code()));
            throw new IllegalStateException(what + ": " + answer.status() + " " + new String(answer.body(), StandardCharsets.UTF_8));
        }
    }

    /** One login per user for all client threads (logins are rate-limited per address). */
    private synchronized String token(String user) throws IOException {
        String token = tokens.get(user);
        if (token == null) {
            Answer login = null;
            for (int attempt = 0; attempt < 240 && (login == null || login.status() == 503); attempt++) {
                login = send("POST", "/api/v1/auth/tokens", null, "application/json",
                        MAPPER.writeValueAsBytes(Map.of("username", user, "password", "Tongban@2026")), Map.of());
            }
            if (login.status() != 201) {
                throw new IllegalStateException("login of " + user + ": " + login.status());
            }
            token = login.json().get("token").asText();
            tokens.put(user, token);
        }
        return token;
    }

    /** One HTTP exchange; a connection-level failure counts as status -1 (the proxy should never cause one). */
    Answer send(String method, String path, String user, String contentType, byte[] body, Map<String, String> headers)
            throws IOException {
        requests.incrementAndGet();
        var c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(5000);
        c.setReadTimeout(120_000);
        if (user != null) {
            c.setRequestProperty("Authorization", "Bearer " + token(user));
        }
        headers.forEach(c::setRequestProperty);
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", contentType);
            c.setFixedLengthStreamingMode(body.length);
        }
        try {
            if (body != null) {
                try (var out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = c.getResponseCode();
            InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
            return new Answer(status, in == null ? new byte[0] : in.readAllBytes());
        } catch (IOException e) {
            failures.add(new Failure(method + " " + path + " " + e, -1, ""));
            System.err.println("CLUSTER client " + java.time.LocalTime.now() + ": " + method + " " + path + ": " + e);
            return new Answer(-1, new byte[0]);
        }
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, String filename, String type, byte[] content)
            throws IOException {
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
