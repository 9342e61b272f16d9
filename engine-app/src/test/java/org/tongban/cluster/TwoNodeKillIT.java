package org.tongban.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.tongban.support.TestDatabase;

/**
 * Two application nodes (the packaged jar, each its own JVM) on one MariaDB behind HAProxy on the loopback address.
 * Both start together on an empty database; API clients then run joint-review cases through the proxy while one
 * node is killed with SIGKILL under load and started again. Afterwards every submitted case exists once and is
 * granted, with its process ended, exactly one licence, and every opinion recorded once; the clients saw nothing but
 * 503 (a request in flight on the killed node) and 409. Run by {@code mvn verify} (failsafe, after the jar is built);
 * alone: {@code mvn -o -pl engine-app verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=TwoNodeKillIT}.
 */
public class TwoNodeKillIT {

    private static final int CLIENTS = Integer.getInteger("cluster.clients", 8);
    /** Cases completed before the kill, and after the restarted node is back. */
    private static final int CASES_BEFORE = Integer.getInteger("cluster.cases-before-kill", 12);
    private static final int CASES_AFTER = Integer.getInteger("cluster.cases-after-restart", 12);
    private static final Duration START = Duration.ofMinutes(4);

    private final List<ClusterNode> nodes = new ArrayList<>();
    private LoadBalancer proxy;

    @AfterEach
    void stopAll() throws Exception {
        if (proxy != null) {
            proxy.stop();
        }
        for (ClusterNode node : nodes) {
            node.stop();
        }
    }

    @Test
    void aNodeKilledUnderLoadLosesNothing() throws Exception {
        assumeTrue(TestDatabase.MYSQL, "the cluster runs on MySQL/MariaDB");
        Path jar = Path.of(System.getProperty("tongban.cluster.jar"));
        assumeTrue(Files.exists(jar), "the packaged jar (mvn package) is needed: " + jar);
        Path work = Files.createDirectories(Path.of("target", "cluster")).toAbsolutePath();
        Path data = Files.createTempDirectory(work, "data-"); // shared by both nodes: materials and the signing keys
        var properties = new HashMap<String, String>(TestDatabase.properties());
        properties.put("spring.profiles.active", "mysql");
        properties.put("tongban.data-dir", data.toString());
        properties.put("tongban.demo-data", "true");
        properties.put("logging.level.org.flowable", "WARN");
        // a licence left unissued by the killed node is finished by the survivor within seconds, not minutes
        properties.put("tongban.events.redeliver-after", "PT10S");
        properties.put("tongban.events.redelivery-interval", "PT5S");
        nodes.add(new ClusterNode("node1", freePort(), jar, work, properties));
        nodes.add(new ClusterNode("node2", freePort(), jar, work, properties));
        JdbcTemplate db = database(properties);
        System.setProperty("sun.net.http.retryPost", "false"); // the JDK would re-send a POST on its own; a client decides
        // A connection per request: a kept-alive one that the proxy closed while idle fails the next request before it
        // reaches any node, with no answer at all; clients that keep connections alive must retry that case themselves.
        System.setProperty("http.keepAlive", "false");

        // 1. both nodes start together on the empty database: one creates the schema and deploys, the other waits
        for (ClusterNode node : nodes) {
            node.start();
        }
        for (ClusterNode node : nodes) {
            node.awaitHealthy(START);
        }
        assertThat(db.queryForList("SELECT KEY_ FROM ACT_RE_PROCDEF GROUP BY KEY_ HAVING COUNT(*) > 1", String.class))
                .as("each process deployed once").isEmpty();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT", Integer.class)).isEqualTo(
                db.queryForObject("SELECT COUNT(DISTINCT KEY_) FROM ACT_RE_PROCDEF", Integer.class));
        assertThat(db.queryForList("SELECT form_id FROM tb_form_version GROUP BY form_id HAVING COUNT(*) > 1", String.class))
                .as("each form stored once").isEmpty();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM tb_user WHERE username = 'chenjing'", Integer.class)).isOne();

        // 2. a browser session started on one node is served by the other
        sessionOnOneNodeServedByTheOther(nodes.get(0), nodes.get(1));

        // 3. load through the proxy; node2 is killed under it and started again
        proxy = new LoadBalancer(Path.of("..", "docs", "examples", "cluster").toAbsolutePath().normalize(), freePort(),
                nodes.stream().map(n -> n.port).toList(), work.resolve("haproxy.log"));
        var client = new JointReviewClient(proxy.url());
        awaitProxy(client);
        var cases = new ConcurrentLinkedQueue<String>();
        var started = new AtomicInteger();
        var stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(pool.submit(() -> {
                while (!stop.get()) {
                    started.incrementAndGet();
                    cases.add(client.cycle());
                }
                return null;
            }));
        }
        awaitCases(cases, CASES_BEFORE, clients);
        int inFlight = started.get() - cases.size();
        ClusterNode victim = nodes.get(1);
        victim.kill();
        System.out.println("CLUSTER node2 killed at " + java.time.LocalTime.now());
        long killedAt = System.nanoTime();
        int unfinished = db.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL", Integer.class);
        int failuresAtKill = client.failures.size();
        Thread.sleep(3000);
        victim.start();
        victim.awaitHealthy(START);
        System.out.println("CLUSTER node2 healthy again at " + java.time.LocalTime.now());
        double downSeconds = (System.nanoTime() - killedAt) / 1e9;
        long servedBefore = servedBy(work, "node2");
        // the proxy takes the node back after two good health checks; then it carries its share of the load
        for (int i = 0; i < 300 && servedBy(work, "node2") == servedBefore; i++) {
            Thread.sleep(100);
        }
        int atRestart = cases.size();
        awaitCases(cases, atRestart + CASES_AFTER, clients);
        long servedAfterRestart = servedBy(work, "node2") - servedBefore;
        stop.set(true);
        pool.shutdown();
        for (Future<?> f : clients) {
            f.get(); // a client that gave up fails the test here, with its reason
        }

        // 4. what the clients saw: only retryable answers
        var seen = client.failures.stream().collect(Collectors.groupingBy(
                f -> f.status() + " " + f.code() + " " + f.request(), TreeMap::new, Collectors.counting()));
        System.out.printf("CLUSTER %d cases by %d clients, %d requests, %d licence polls; kill with %d cases in flight and %d "
                        + "after-commit publications unfinished; node2 down %.1f s; node2 served %d requests after its restart; non-success answers: %s (%d by the kill)%n",
                cases.size(), CLIENTS, client.requests.get(), client.licencePolls.get(), inFlight, unfinished, downSeconds,
                servedAfterRestart, seen,
                failuresAtKill);
        assertThat(inFlight).as("cases in flight when the node was killed").isPositive();
        assertThat(servedAfterRestart).as("requests the restarted node served").isPositive();
        assertThat(client.failures).allSatisfy(f -> assertThat(f.status()).as(f.toString()).isIn(503, 409));

        // 5. the database: every case once, granted, ended, one licence, every opinion once
        Set<String> numbers = Set.copyOf(cases);
        assertThat(numbers).hasSameSizeAs(cases);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM tb_case", Integer.class)).as("no case twice").isEqualTo(numbers.size());
        assertThat(db.queryForList("SELECT case_number FROM tb_case WHERE status <> 'GRANTED'", String.class)).isEmpty();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM ACT_RU_EXECUTION", Integer.class)).as("every process ended").isZero();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Integer.class)).isZero();
        assertThat(db.queryForList("SELECT task_id FROM tb_todo_candidate", String.class))
                .as("no to-do row outlives its task, whichever node died mid-command").isEmpty();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE END_TIME_ IS NULL", Integer.class)).isZero();
        assertThat(db.queryForList("SELECT c.case_number FROM tb_case c LEFT JOIN tb_licence l ON l.case_id = c.id "
                + "GROUP BY c.case_number HAVING COUNT(l.id) <> 1", String.class)).as("exactly one licence per case").isEmpty();
        for (List<String> step : JointReviewClient.STEPS) {
            assertThat(db.queryForList("SELECT c.case_number FROM tb_case c LEFT JOIN tb_case_event e ON e.case_id = c.id "
                    + "AND e.step_key = ? AND e.actor = ? AND e.opinion = ? GROUP BY c.case_number HAVING COUNT(e.id) <> 1",
                    String.class, step.get(0), step.get(1), step.get(3))).as("opinion of " + step + " once per case").isEmpty();
        }
        assertThat(db.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL", Integer.class))
                .as("all after-commit work finished").isZero();
    }

    /** Logs in on one node (CSRF cookie, session cookie) and asks the other who is logged in. */
    private static void sessionOnOneNodeServedByTheOther(ClusterNode one, ClusterNode other) throws Exception {
        var first = (HttpURLConnection) URI.create(one.url() + "/api/v1/me").toURL().openConnection();
        assertThat(first.getResponseCode()).isEqualTo(204);
        String csrf = cookie(first, "XSRF-TOKEN");
        var login = (HttpURLConnection) URI.create(one.url() + "/api/v1/session").toURL().openConnection();
        login.setRequestMethod("POST");
        login.setDoOutput(true);
        login.setRequestProperty("Content-Type", "application/json");
        login.setRequestProperty("Cookie", "XSRF-TOKEN=" + csrf);
        login.setRequestProperty("X-XSRF-TOKEN", csrf);
        try (var out = login.getOutputStream()) {
            out.write("{\"username\":\"zhangwei\",\"password\":\"Tongban@2026\"}".getBytes());
        }
        assertThat(login.getResponseCode()).isEqualTo(200);
        String session = cookie(login, "SESSION");
        var me = (HttpURLConnection) URI.create(other.url() + "/api/v1/me").toURL().openConnection();
        me.setRequestProperty("Cookie", "SESSION=" + session);
        assertThat(me.getResponseCode()).isEqualTo(200);
        assertThat(new String(me.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"zhangwei\"");
    }

    private static String cookie(HttpURLConnection c, String name) {
        return c.getHeaderFields().getOrDefault("Set-Cookie", List.of()).stream()
                .filter(h -> h.startsWith(name + "=")).map(h -> h.substring(name.length() + 1, h.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name + " in " + c.getHeaderFields()));
    }

    private void awaitProxy(JointReviewClient client) throws Exception {
        for (int i = 0; i < 100; i++) {
            assertThat(proxy.alive()).as("haproxy running").isTrue();
            if (client.send("GET", "/api/v1/health", null, null, null, Map.of()).status() == 200) {
                client.failures.clear();
                client.requests.set(0);
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the proxy routes nothing");
    }

    private static void awaitCases(ConcurrentLinkedQueue<String> cases, int count, List<Future<?>> clients) throws Exception {
        long giveUp = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (cases.size() < count) {
            for (Future<?> f : clients) {
                if (f.isDone()) {
                    f.get(); // a client failed: say why
                }
            }
            assertThat(System.nanoTime()).as("%d cases within 5 minutes", count).isLessThan(giveUp);
            Thread.sleep(100);
        }
    }

    /** Requests HAProxy has logged as answered by the node. */
    private static long servedBy(Path work, String node) throws java.io.IOException {
        try (var lines = Files.lines(work.resolve("haproxy.log"))) {
            return lines.filter(l -> l.contains(" nodes/" + node + " ")).count();
        }
    }

    private static JdbcTemplate database(Map<String, String> p) {
        return new JdbcTemplate(new DriverManagerDataSource("jdbc:mysql://" + p.get("TONGBAN_DB_HOST") + ":" + p.get("TONGBAN_DB_PORT")
                + "/" + p.get("TONGBAN_DB_NAME") + "?useSSL=false&allowPublicKeyRetrieval=true", p.get("TONGBAN_DB_USER"),
                p.get("TONGBAN_DB_PASSWORD")));
    }

    public static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
