package org.tongban.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
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
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.tongban.support.ApiTestBase;
import org.tongban.support.TestDatabase;

/**
 * The joint-review item over HTTP, as API clients use it: submit (multipart, three materials), accept,
 * three department reviews, decide, each step found in the approver's to-do list, then the applicant
 * downloads the licence PDF (14 requests per case: submit, six to-do lists and six completions with the lead's consolidation, the download). Clients authenticate with bearer tokens; bare Flowable
 * runs the same BPMN in the same run and database, rounds alternating. Prints cases/s, p50/p95 per request
 * type, and on MariaDB SQL statements and commits per case ({@code SHOW GLOBAL STATUS} deltas around each
 * side's measured rounds). HTTP Basic (one BCrypt per request) runs only with {@code -Dbench.basic-cases=N}.
 * Asserts only completeness. Run: {@code mvn -o -B -Pbenchmark-http -pl engine-app test} (docs/benchmark.md).
 */
@Tag("benchmark")
@org.springframework.context.annotation.Import(RequestCpu.class)
class JointReviewHttpBenchmarkTest extends ApiTestBase {

    private static final int CASES = Integer.getInteger("bench.cases", 200);
    private static final int BASIC_CASES = Integer.getInteger("bench.basic-cases", 0);
    private static final int THREADS = Integer.getInteger("bench.threads", 16);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    private static final int WARMUP_CASES = Integer.getInteger("bench.warmup-cases", 20);
    /** 2: also run each round through HAProxy over this JVM's node and a second node (the packaged jar, its own JVM). */
    private static final int NODES = Integer.getInteger("bench.nodes", 1);
    private static final Map<String, String> REVIEWERS = Map.of("DQ-ZRZY", "zhaolei", "DQ-XF", "sunqiang", "DQ-STHJ", "zhoumin");

    /** simple: HttpURLConnection, the leanest client in the JDK (clients share the server's JVM and CPU); jdk: java.net.http. */
    private static final String CLIENT = System.getProperty("bench.client", "simple");

    @Autowired
    RestTemplateBuilder restTemplates;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;

    /** CPU the client threads spent in HTTP cycles (their own work: requests, JSON; the server's is elsewhere). */
    private final java.util.concurrent.atomic.AtomicLong clientCpu = new java.util.concurrent.atomic.AtomicLong();

    /** Where the HTTP cycle's requests are timed; swapped for a fresh one per measured window. */
    private volatile Latencies latencies = new Latencies();

    @DynamicPropertySource
    static void basicOnlyWhenAsked(DynamicPropertyRegistry registry) {
        registry.add("tongban.security.basic-auth-enabled", () -> BASIC_CASES > 0);
    }

    @Test
    void httpWithBearerTokensAgainstBareFlowable() throws Exception {
        var bareCycle = new BareFlowableCycle(runtime, taskService);
        var bareCycleCpu = new java.util.concurrent.atomic.AtomicLong();
        Runnable bare = () -> {
            long cpu = ThreadCpu.currentThread();
            try {
                bareCycle.run();
            } finally {
                bareCycleCpu.addAndGet(ThreadCpu.currentThread() - cpu);
            }
        };
        var clients = new ConcurrentHashMap<String, TestRestTemplate>();
        Runnable bearer = () -> httpCycle(user -> clients.computeIfAbsent(user, u -> client(u, rest.getRootUri())));
        TwoNodes two = NODES == 2 ? TwoNodes.start(rest.getRootUri()) : null;
        var proxyClients = new ConcurrentHashMap<String, TestRestTemplate>();
        Runnable twoNodes = two == null ? null : () -> httpCycle(user -> proxyClients.computeIfAbsent(user, u -> client(u, two.proxy.url())));
        try {
            measure(bare, bareCycle, bareCycleCpu, bearer, twoNodes, two);
        } finally {
            if (two != null) {
                two.stop();
            }
        }
    }

    /** The second node and the proxy in front of both (bench.nodes=2); the jar must be packaged first. */
    private record TwoNodes(org.tongban.cluster.ClusterNode node, org.tongban.cluster.LoadBalancer proxy) {

        static TwoNodes start(String firstNode) throws Exception {
            java.nio.file.Path jar;
            try (var files = java.nio.file.Files.list(java.nio.file.Path.of("target"))) {
                jar = files.filter(f -> f.getFileName().toString().matches("engine-app-.*\\.jar")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("bench.nodes=2 needs the jar: mvn -o -pl engine-app package -DskipTests"));
            }
            var work = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "bench-cluster")).toAbsolutePath();
            var properties = new java.util.HashMap<String, String>(TestDatabase.properties());
            properties.put("spring.profiles.active", "mysql");
            properties.put("tongban.demo-data", "false");
            properties.put("tongban.data-dir", java.nio.file.Path.of("data").toAbsolutePath().toString()); // the same signing keys
            properties.put("tongban.materials.directory", MATERIAL_DIRECTORY.toString());
            properties.put("logging.level.org.flowable", "WARN");
            var node = new org.tongban.cluster.ClusterNode("bench-node2", org.tongban.cluster.TwoNodeKillIT.freePort(), jar, work, properties);
            node.start();
            node.awaitHealthy(java.time.Duration.ofMinutes(4));
            int firstPort = java.net.URI.create(firstNode).getPort();
            var proxy = new org.tongban.cluster.LoadBalancer(java.nio.file.Path.of("..", "docs", "examples", "cluster").toAbsolutePath().normalize(),
                    org.tongban.cluster.TwoNodeKillIT.freePort(), List.of(firstPort, node.port), work.resolve("haproxy.log"));
            Thread.sleep(3000); // both nodes pass two health checks
            return new TwoNodes(node, proxy);
        }

        void stop() throws InterruptedException {
            proxy.stop();
            node.stop();
        }
    }

    private void measure(Runnable bare, BareFlowableCycle bareCycle, java.util.concurrent.atomic.AtomicLong bareCycleCpu,
                         Runnable bearer, Runnable twoNodes, TwoNodes two) throws Exception {

        Load.seconds(bare, WARMUP_CASES, THREADS);
        Load.seconds(bearer, WARMUP_CASES, THREADS); // warm-up: JIT, pools, font subsetter, one token per user
        if (twoNodes != null) {
            Load.seconds(twoNodes, WARMUP_CASES, THREADS); // the second node's JIT
        }
        double twoSeconds = 0;
        ServerCounters twoSql = new ServerCounters(0, 0);
        CpuTimes twoCpu = new CpuTimes(0, 0);
        long twoNodeCpu = 0;
        var bareTimes = new Latencies();
        var httpTimes = new Latencies();
        bareCycle.latencies = bareTimes;
        latencies = httpTimes;
        double bareSeconds = 0;
        double bearerSeconds = 0;
        ServerCounters bareSql = new ServerCounters(0, 0);
        ServerCounters bearerSql = new ServerCounters(0, 0);
        CpuTimes bareCpu = new CpuTimes(0, 0);
        long bareCycles = 0;
        CpuTimes bearerCpu = new CpuTimes(0, 0);
        var bearerThreads = new java.util.TreeMap<String, Long>();
        double backgroundBefore = background();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        for (int round = 0; round < ROUNDS; round++) {
            var before = ServerCounters.read();
            var cpuBefore = CpuTimes.now();
            bareCycleCpu.set(0);
            bareSeconds += Load.seconds(bare, CASES, THREADS);
            var cpuBetween = CpuTimes.now();
            var between = ServerCounters.read();
            var windowStart = java.time.LocalTime.now();
            var threadsBefore = ThreadCpu.byKind();
            if (round == 0) {
                RequestCpu.reset();
            }
            clientCpu.set(0);
            bearerSeconds += Load.seconds(bearer, CASES, THREADS);
            ThreadCpu.since(ThreadCpu.byKind(), threadsBefore).forEach((kind, cpu) -> bearerThreads.merge(kind, cpu, Long::sum));
            bearerThreads.merge("client", clientCpu.get(), Long::sum);
            System.out.printf("BENCHMARK Tongban window %d: %s to %s (to match profiles)%n", round + 1, windowStart, java.time.LocalTime.now());
            var cpuAfter = CpuTimes.now();
            var after = ServerCounters.read();
            bareCpu = bareCpu.plus(cpuBetween.since(cpuBefore));
            bareCycles += bareCycleCpu.get();
            bearerCpu = bearerCpu.plus(cpuAfter.since(cpuBetween));
            if (before != null) {
                bareSql = bareSql.plus(between.since(before));
                bearerSql = bearerSql.plus(after.since(between));
            }
            if (twoNodes != null) {
                long nodeCpuBefore = two.node().cpuNanos();
                var twoCpuBefore = CpuTimes.now();
                var twoBefore = ServerCounters.read();
                twoSeconds += Load.seconds(twoNodes, CASES, THREADS);
                twoCpu = twoCpu.plus(CpuTimes.now().since(twoCpuBefore));
                twoNodeCpu += two.node().cpuNanos() - nodeCpuBefore;
                if (twoBefore != null) {
                    twoSql = twoSql.plus(ServerCounters.read().since(twoBefore));
                }
            }
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double backgroundAfter = background();
        int cases = ROUNDS * CASES;
        double bareRate = cases / bareSeconds;
        double bearerRate = cases / bearerSeconds;
        System.out.printf("%nBENCHMARK HTTP joint review (submit, list+complete x6, download licence) on %s, %d clients (%s HTTP client), %d x %d cases per side%n",
                TestDatabase.MYSQL ? "MySQL/MariaDB" : "H2 (in-memory)", THREADS, CLIENT, ROUNDS, CASES);
        System.out.printf("BENCHMARK machine load average (1 min) %.1f before, %.1f after the measured rounds, %d cores%n",
                loadBefore, loadAfter, Runtime.getRuntime().availableProcessors());
        System.out.printf("BENCHMARK bare Flowable      : %7.2f cases/s (%d retried conflicts)%n", bareRate, bareCycle.retries.get());
        System.out.printf("BENCHMARK Tongban HTTP bearer: %7.2f cases/s (14 requests per case + to-do re-lists)%n", bearerRate);
        System.out.printf("BENCHMARK ratio bearer/bare  : %7.2f%n", bearerRate / bareRate);
        if (twoNodes != null) {
            double twoRate = cases / twoSeconds;
            System.out.printf("BENCHMARK Tongban 2 nodes    : %7.2f cases/s through HAProxy (this JVM's node + one more JVM), ratio to bare %.2f, "
                    + "per node %.2f; %.1f statements/case, %.2f commits/case; CPU per case, ms: this JVM %.1f + second node %.1f + database %.1f%n",
                    twoRate, twoRate / bareRate, twoRate / bareRate / 2, (double) twoSql.questions() / cases, (double) twoSql.commits() / cases,
                    twoCpu.jvmNanos() / 1e6 / cases, twoNodeCpu / 1e6 / cases, twoCpu.databaseNanos() / 1e6 / cases);
        }
        double licenceRate = licenceProduction();
        System.out.printf("BENCHMARK licences rendered (PDF/A) + signed (PAdES): %7.2f licences/s on %d threads, %.1f x the Tongban case rate%n",
                licenceRate, Runtime.getRuntime().availableProcessors(), licenceRate / bearerRate);
        if (TestDatabase.MYSQL) {
            System.out.printf("BENCHMARK bare Flowable      : %6.1f statements/case, %5.2f commits/case (MariaDB Questions, Com_commit)%n",
                    (double) bareSql.questions() / cases, (double) bareSql.commits() / cases);
            System.out.printf("BENCHMARK Tongban HTTP bearer: %6.1f statements/case, %5.2f commits/case%n",
                    (double) bearerSql.questions() / cases, (double) bearerSql.commits() / cases);
            System.out.printf("BENCHMARK (server-wide counters: other clients count too; while idle, 5 s before and after: %.0f and %.0f statements/s)%n",
                    backgroundBefore, backgroundAfter);
        }
        System.out.printf("BENCHMARK CPU per case, ms   : bare Flowable JVM %6.1f + database %6.1f = %6.1f; Tongban HTTP JVM %6.1f + database %6.1f = %6.1f (CPU ratio bare/Tongban %.2f)%n",
                bareCpu.jvmNanos() / 1e6 / cases, bareCpu.databaseNanos() / 1e6 / cases,
                (bareCpu.jvmNanos() + bareCpu.databaseNanos()) / 1e6 / cases,
                bearerCpu.jvmNanos() / 1e6 / cases, bearerCpu.databaseNanos() / 1e6 / cases,
                (bearerCpu.jvmNanos() + bearerCpu.databaseNanos()) / 1e6 / cases,
                (double) (bareCpu.jvmNanos() + bareCpu.databaseNanos()) / (bearerCpu.jvmNanos() + bearerCpu.databaseNanos()));
        System.out.printf("BENCHMARK bare JVM CPU per case, ms   : client (the cycles, engine included) %.1f; JIT, GC and the rest %.1f%n",
                bareCycles / 1e6 / cases, (bareCpu.jvmNanos() - bareCycles) / 1e6 / cases);
        System.out.printf("BENCHMARK Tongban JVM CPU per case, ms: %s; JIT, GC and the rest %.1f%n",
                bearerThreads.entrySet().stream().map(e -> String.format("%s %.1f", e.getKey(), e.getValue() / 1e6 / cases))
                        .collect(java.util.stream.Collectors.joining(", ")),
                (bearerCpu.jvmNanos() - bearerThreads.values().stream().mapToLong(Long::longValue).sum()) / 1e6 / cases);
        if (!CpuTimes.databaseMeasured()) {
            System.out.println("BENCHMARK (no local mariadbd/mysqld process: database CPU not measured)");
        }
        RequestCpu.print(cases);
        bareTimes.print("bare");
        httpTimes.print("HTTP");
        if (BASIC_CASES > 0) {
            var basicClients = new ConcurrentHashMap<String, TestRestTemplate>();
            Runnable basic = () -> httpCycle(user -> basicClients.computeIfAbsent(user, u -> rest.withBasicAuth(u, PASSWORD)));
            double basicRate = BASIC_CASES / Load.seconds(basic, BASIC_CASES, THREADS);
            System.out.printf("BENCHMARK Tongban HTTP Basic : %7.2f cases/s (%d cases, one BCrypt per request), ratio to bare %.2f%n",
                    basicRate, BASIC_CASES, basicRate / bareRate);
        }
        System.out.println();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("constructionPermit").count()).isZero();
    }

    /** A bearer-token client of the kind {@code bench.client} names, of the server at {@code root}; one login per user. */
    private TestRestTemplate client(String user, String root) {
        if (!CLIENT.equals("simple") && root.equals(rest.getRootUri())) {
            return as(user);
        }
        var client = new TestRestTemplate(restTemplates.requestFactory(SimpleClientHttpRequestFactory.class)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token(user, PASSWORD)));
        client.setUriTemplateHandler(new org.springframework.web.util.DefaultUriBuilderFactory(root));
        return client;
    }

    /** Statements per second the MariaDB server receives from others while this benchmark is idle for 5 s. */
    private static double background() throws InterruptedException {
        var before = ServerCounters.read();
        if (before == null) {
            return Double.NaN;
        }
        Thread.sleep(5000);
        return ServerCounters.read().since(before).questions() / 5.0;
    }

    @Autowired
    private org.tongban.licences.internal.LicenceRenderer licenceRenderer;
    @Autowired
    private org.tongban.licences.internal.PadesSigner licenceSigner;
    @Autowired
    private org.tongban.licences.internal.LicenceTemplates licenceTemplates;

    /**
     * Licences per second, rendered and signed as the issuer does (fonts and keys loaded once), one producer per core:
     * what the after-commit issuing can sustain, to compare with the case rate (issue 10: at least 3 x).
     */
    private double licenceProduction() throws Exception {
        var template = licenceTemplates.require("outdoor-advertising");
        var values = new java.util.HashMap<String, String>(Map.of("form.applicantName", "德清县莫干山文旅发展有限公司",
                "form.creditCode", "91330521MA29K7LX1A", "form.siteAddress", "浙江省湖州市德清县武康街道英溪南路与余英街交叉口东北角",
                "licence.number", "HW3305212026000001", "licence.identifier", "1.2.156.3005.2.0706.113305210025000339.00000001.1.X",
                "licence.verifyUrl", "http://localhost:8080/verify/AAAAAAAAAAAAAAAAAAAAAAAAAAA", "licence.issuedDate", "2026年12月5日"));
        int producers = Runtime.getRuntime().availableProcessors();
        int each = Integer.getInteger("bench.licences", 150) / producers;
        Runnable produce = () -> {
            for (int i = 0; i < each; i++) {
                var now = java.util.Calendar.getInstance();
                byte[] face = licenceRenderer.render(template, template.issuer(), values, "benchmark", "benchmark", now, Map.of());
                licenceSigner.sign(face, template.department(), template.issuer(), "benchmark",
                        org.tongban.licences.internal.LicenceRenderer.seal(template), now);
            }
        };
        produce.run(); // warm-up on this thread
        long start = System.nanoTime();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(producers);
        var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (int p = 0; p < producers; p++) {
            futures.add(pool.submit(produce));
        }
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
        return (double) each * producers / ((System.nanoTime() - start) / 1e9);
    }

    private void httpCycle(Function<String, TestRestTemplate> client) {
        long cpu = ThreadCpu.currentThread();
        try {
            httpSteps(client);
        } finally {
            clientCpu.addAndGet(ThreadCpu.currentThread() - cpu);
        }
    }

    private void httpSteps(Function<String, TestRestTemplate> client) {
        Latencies time = latencies;
        String number = submit(time, client.apply("lina")).get("caseNumber").asText();
        complete(time, client.apply("chenjing"), number, "acceptance", "accept", "ACCEPT", "材料齐全，予以受理");
        int review = 0;
        for (String reviewer : REVIEWERS.values()) {
            complete(time, client.apply(reviewer), number, "jointReview", "review " + ++review, "AGREE", "同意");
        }
        complete(time, client.apply("chenjing"), number, "consolidation", "consolidate", "CONSOLIDATE", "各部门均同意");
        complete(time, client.apply("chenjing"), number, "decision", "decide", "GRANT", "准予许可");
        download(time, client.apply("lina"), number);
    }

    private JsonNode submit(Latencies time, TestRestTemplate client) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("application", toJson(Map.of("itemCode", CONSTRUCTION, "form", constructionForm())));
        for (String code : List.of("PLANNING_PERMIT", "CONTRACT", "DRAWINGS_REVIEW")) {
            body.add(code, file(code + ".pdf", pdfBytes()));
        }
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var response = time.time("submit", () -> client.postForEntity("/api/v1/cases", new HttpEntity<>(body, headers), JsonNode.class));
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return response.getBody();
    }

    /** Finds the case's task at the step in the approver's to-do list, then completes it. */
    private void complete(Latencies time, TestRestTemplate client, String number, String step, String type, String action, String opinion) {
        String task = null;
        for (int attempt = 0; task == null && attempt < 50; attempt++) {
            for (JsonNode t : time.time("list tasks", () -> client.getForObject("/api/v1/tasks?caseNumber=" + number, JsonNode.class)).get("items")) {
                if (number.equals(t.path("caseNumber").asText()) && step.equals(t.path("stepKey").asText())) {
                    task = t.get("id").asText();
                }
            }
        }
        assertThat(task).as(step + " of " + number).isNotNull();
        String id = task;
        var done = time.time(type, () -> client.postForEntity("/api/v1/tasks/" + id + "/complete",
                Map.of("action", action, "opinion", opinion), JsonNode.class));
        assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(204);
    }

    /** The applicant downloads the licence PDF; waits briefly should it be issued after the decision's commit. */
    private void download(Latencies time, TestRestTemplate client, String number) {
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_PDF));
        for (int attempt = 0; ; attempt++) {
            var pdf = time.time("download licence", () -> client.exchange("/api/v1/cases/" + number + "/licence",
                    HttpMethod.GET, new HttpEntity<>(headers), byte[].class));
            if (pdf.getStatusCode().value() == 200) {
                assertThat(new String(pdf.getBody(), 0, 5)).isEqualTo("%PDF-");
                return;
            }
            assertThat(attempt).as("licence of " + number + ": " + pdf.getStatusCode()).isLessThan(100);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
