package org.tongban.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.TestPropertySource;
import org.tongban.support.ApiTestBase;
import org.tongban.support.TestDatabase;

/**
 * The joint-review item over HTTP, as API clients use it: submit (multipart, three materials), accept,
 * three department reviews, decide, each step found in the approver's to-do list (11 requests per case).
 * Clients authenticate with bearer tokens; bare Flowable runs the same BPMN in the same run and database,
 * rounds alternating. HTTP Basic (one BCrypt per request) runs last for comparison. Prints numbers;
 * asserts only completeness. Run: {@code mvn -Pbenchmark test} (docs/benchmark.md).
 */
@Tag("benchmark")
@TestPropertySource(properties = "tongban.security.basic-auth-enabled=true")
class JointReviewHttpBenchmarkTest extends ApiTestBase {

    private static final int CASES = Integer.getInteger("bench.cases", 200);
    private static final int BASIC_CASES = Integer.getInteger("bench.basic-cases", 50);
    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    private static final Map<String, String> REVIEWERS = Map.of("DQ-ZRZY", "zhaolei", "DQ-XF", "sunqiang", "DQ-STHJ", "zhoumin");

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;

    @Test
    void httpWithBearerTokensAgainstBareFlowable() throws Exception {
        var bare = new BareFlowableCycle(runtime, taskService);
        Runnable bearer = () -> httpCycle(this::as);
        var basicClients = new ConcurrentHashMap<String, TestRestTemplate>();
        Runnable basic = () -> httpCycle(user -> basicClients.computeIfAbsent(user, u -> rest.withBasicAuth(u, PASSWORD)));

        Load.seconds(bare, 20, THREADS);
        Load.seconds(bearer, 20, THREADS); // warm-up: JIT, pools, font subsetter, one token per user
        double bareSeconds = 0;
        double bearerSeconds = 0;
        for (int round = 0; round < ROUNDS; round++) {
            bareSeconds += Load.seconds(bare, CASES, THREADS);
            bearerSeconds += Load.seconds(bearer, CASES, THREADS);
        }
        double basicSeconds = BASIC_CASES == 0 ? Double.NaN : Load.seconds(basic, BASIC_CASES, THREADS);
        double bareRate = ROUNDS * CASES / bareSeconds;
        double bearerRate = ROUNDS * CASES / bearerSeconds;
        double basicRate = BASIC_CASES / basicSeconds;
        System.out.printf("%nBENCHMARK HTTP joint review (submit, accept, 3 reviews, decide) on %s, %d threads, %d x %d cases%n",
                TestDatabase.MYSQL ? "MySQL/MariaDB" : "H2 (in-memory)", THREADS, ROUNDS, CASES);
        System.out.printf("BENCHMARK bare Flowable      : %7.2f cases/s (%d retried conflicts)%n", bareRate, bare.retries.get());
        System.out.printf("BENCHMARK Tongban HTTP bearer: %7.2f cases/s (11 requests per case, licence PDF)%n", bearerRate);
        System.out.printf("BENCHMARK Tongban HTTP Basic : %7.2f cases/s (%d cases, one BCrypt per request)%n", basicRate, BASIC_CASES);
        System.out.printf("BENCHMARK ratio bearer/bare  : %7.2f%n", bearerRate / bareRate);
        System.out.printf("BENCHMARK ratio Basic/bare   : %7.2f%n%n", basicRate / bareRate);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("constructionPermit").count()).isZero();
    }

    private void httpCycle(Function<String, TestRestTemplate> client) {
        var response = submit(client.apply("lina"));
        String number = response.get("caseNumber").asText();
        complete(client.apply("chenjing"), number, "acceptance", "ACCEPT", "材料齐全，予以受理");
        for (String reviewer : REVIEWERS.values()) {
            complete(client.apply(reviewer), number, "jointReview", "AGREE", "同意");
        }
        complete(client.apply("chenjing"), number, "decision", "GRANT", "准予许可");
    }

    private JsonNode submit(TestRestTemplate client) {
        var body = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        body.add("application", toJson(Map.of("itemCode", CONSTRUCTION, "form", constructionForm())));
        for (String code : List.of("PLANNING_PERMIT", "CONTRACT", "DRAWINGS_REVIEW")) {
            body.add(code, file(code + ".pdf", pdfBytes()));
        }
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        var response = client.postForEntity("/api/v1/cases", new org.springframework.http.HttpEntity<>(body, headers), JsonNode.class);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return response.getBody();
    }

    /** Finds the case's task at the step in the approver's to-do list, then completes it. */
    private void complete(TestRestTemplate client, String number, String step, String action, String opinion) {
        String task = null;
        for (int attempt = 0; task == null && attempt < 50; attempt++) {
            for (JsonNode t : client.getForObject("/api/v1/tasks?caseNumber=" + number, JsonNode.class).get("items")) {
                if (number.equals(t.path("caseNumber").asText()) && step.equals(t.path("stepKey").asText())) {
                    task = t.get("id").asText();
                }
            }
        }
        assertThat(task).as(step + " of " + number).isNotNull();
        var done = client.postForEntity("/api/v1/tasks/" + task + "/complete", Map.of("action", action, "opinion", opinion), JsonNode.class);
        assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(204);
    }
}
