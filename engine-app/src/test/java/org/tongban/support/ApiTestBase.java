package org.tongban.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;

/**
 * End-to-end tests over real HTTP against the whole application on H2 or MariaDB ({@link TestDatabase}).
 * All such tests share one configuration, hence one application context per database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tongban.demo-data=true", "logging.level.org.flowable=WARN",
                // deadline timers fall due when a test moves the clock: look for them every second, not every ten
                "flowable.process.async.executor.default-timer-job-acquire-wait-time=1s",
                // tests that leave a publication incomplete on purpose redeliver it themselves (cluster.EventRedelivery)
                "tongban.events.redelivery-interval=PT1H",
                // the suite's own traffic comes from loopback; tests of the limits send X-Forwarded-For
                "tongban.security.rate-limits.exempt-addresses=127.0.0.1,0:0:0:0:0:0:0:1"})
@org.springframework.context.annotation.Import({TestClock.Config.class, RecordingChannel.Config.class})
public abstract class ApiTestBase {

    protected static final String PASSWORD = "Tongban@2026";
    public static final String FOOD = "FOOD-BUSINESS-LICENCE";
    public static final String CONSTRUCTION = "CONSTRUCTION-PERMIT";

    @Autowired
    protected TestRestTemplate rest;
    /** The application's clock: the system's time unless a test sets it (and resets it after). */
    @Autowired
    protected TestClock clock;
    @Autowired
    protected ObjectMapper json;
    /** The test's own SQL, autocommitted (the pool hands out connections with auto-commit off). */
    protected JdbcTemplate jdbc;
    @Autowired
    private RestTemplateBuilder restTemplates;

    private static final Map<String, TestRestTemplate> CLIENTS = new ConcurrentHashMap<>();

    @Autowired
    void autocommittingJdbc(DataSource pool) {
        jdbc = new JdbcTemplate(new DelegatingDataSource(pool) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                connection.setAutoCommit(true); // the pool restores its default when the connection returns
                return connection;
            }
        });
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.properties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("tongban.materials.directory", () -> MATERIAL_DIRECTORY.toString());
    }

    /** The material store of the tests' application: a temporary directory per JVM. */
    public static final java.nio.file.Path MATERIAL_DIRECTORY = materialDirectory();

    private static java.nio.file.Path materialDirectory() {
        try {
            var directory = java.nio.file.Files.createTempDirectory("tongban-materials-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> org.springframework.util.FileSystemUtils.deleteRecursively(directory.toFile())));
            return directory;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static byte[] pdfBytes() {
        return "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes();
    }

    public static Map<String, Object> foodForm() {
        return Map.of("operatorName", "德清县禹越镇味香餐饮有限公司", "creditCode", "91330521MA2B3C4D5Q",
                "legalRepresentative", "张伟", "premisesAddress", "浙江省湖州市德清县禹越镇杭海路88号",
                "operatorType", "CATERING", "businessScope", "热食类食品制售、冷食类食品制售", "contactPhone", "13857212345",
                "staff", List.of(Map.of("name", "王秀英", "residentId", "330521199003151223",
                        "healthCertificateNo", "JK3305212026001", "healthCertificateExpiry", "2099-06-30")));
    }

    public static Map<String, Object> constructionForm() {
        return Map.ofEntries(Map.entry("projectName", "德清县科技新城人才公寓项目（一期）"),
                Map.entry("builderName", "德清县城市建设发展有限公司"), Map.entry("builderCreditCode", "91330521MA29K7LX1A"),
                Map.entry("siteAddress", "浙江省湖州市德清县阜溪街道长虹中街以北"),
                Map.entry("landUsePermitNo", "地字第330521202600018号"),
                Map.entry("contractorName", "浙江德清建工集团有限公司"), Map.entry("contractorCreditCode", "91330521MA2B3C4D5Q"),
                Map.entry("supervisionRequired", "YES"),
                Map.entry("supervisorName", "湖州市建设工程监理有限公司"), Map.entry("supervisorCreditCode", "91330521MA29K7LX1A"),
                Map.entry("floorArea", 45800), Map.entry("contractPrice", 18650.5),
                Map.entry("plannedStart", "2027-01-15"), Map.entry("plannedEnd", "2028-12-31"));
    }

    /** Guards against a suite that believes it runs on MySQL but silently got H2. */
    @org.junit.jupiter.api.BeforeEach
    void onTheIntendedDatabase() throws Exception {
        try (var connection = jdbc.getDataSource().getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            assertThat(product).isEqualTo(TestDatabase.MYSQL ? "MySQL" : "H2");
        }
    }

    /**
     * After every test the departments' to-do table (V26, TodoProjection) says exactly what the engine's open tasks
     * and candidate links say: whatever path a test took through the engine (claims, transfers, delegations, signers
     * added or removed, returns, recalls, withdrawals, timers), nothing is missing, stale or out of date. One
     * statement, so a job committing meanwhile cannot make the two sides disagree.
     */
    @org.junit.jupiter.api.AfterEach
    void todoTableMatchesTheEngine() {
        String truth = "SELECT DISTINCT L.TASK_ID_ AS task_id, L.GROUP_ID_ AS department, CASE WHEN T.ASSIGNEE_ IS NULL THEN 0 ELSE 1 END AS claimed, "
                + "T.CATEGORY_ AS category, T.CREATE_TIME_ AS created_at, T.DUE_DATE_ AS due_at FROM ACT_RU_IDENTITYLINK L "
                + "JOIN ACT_RU_TASK T ON T.ID_ = L.TASK_ID_ WHERE L.TYPE_ = 'candidate' AND L.GROUP_ID_ IS NOT NULL AND T.PROC_INST_ID_ IS NOT NULL";
        String table = "SELECT task_id, department, CASE WHEN claimed THEN 1 ELSE 0 END AS claimed, category, created_at, due_at FROM tb_todo_candidate";
        String same = "A.task_id = B.task_id AND A.department = B.department AND A.claimed = B.claimed "
                + "AND COALESCE(A.category, '-') = COALESCE(B.category, '-') "
                + "AND COALESCE(A.created_at, TIMESTAMP '1970-01-02 00:00:00') = COALESCE(B.created_at, TIMESTAMP '1970-01-02 00:00:00') "
                + "AND COALESCE(A.due_at, TIMESTAMP '1970-01-02 00:00:00') = COALESCE(B.due_at, TIMESTAMP '1970-01-02 00:00:00')";
        List<String> differences = jdbc.queryForList(
                "SELECT CONCAT('missing or outdated: ', A.task_id, ' ', A.department, ' claimed=', A.claimed) FROM (" + truth + ") A "
                        + "WHERE NOT EXISTS (SELECT 1 FROM (" + table + ") B WHERE " + same + ") "
                        + "UNION ALL SELECT CONCAT('stale: ', B.task_id, ' ', B.department, ' claimed=', B.claimed) FROM (" + table + ") B "
                        + "WHERE NOT EXISTS (SELECT 1 FROM (" + truth + ") A WHERE " + same + ")", String.class);
        assertThat(differences).as("tb_todo_candidate against ACT_RU_TASK and ACT_RU_IDENTITYLINK").isEmpty();
    }

    /**
     * A client logged in as the user with a bearer token. Each user logs in once per application context
     * (the map is keyed by the server's address), as a real API client would, so BCrypt runs once per user.
     */
    protected TestRestTemplate as(String user) {
        return CLIENTS.computeIfAbsent(rest.getRootUri() + " " + user, key -> bearer(token(user, PASSWORD)));
    }

    /** A client sending this bearer token on every request. */
    protected TestRestTemplate bearer(String token) {
        var client = new TestRestTemplate(restTemplates.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token));
        client.setUriTemplateHandler(rest.getRestTemplate().getUriTemplateHandler());
        return client;
    }

    /** Logs in at the token endpoint; fails the test unless a token is issued. */
    protected String token(String user, String password) {
        var response = rest.postForEntity("/api/v1/auth/tokens", Map.of("username", user, "password", password), JsonNode.class);
        assertThat(response.getStatusCode().value()).as(user + ": " + response.getBody()).isEqualTo(201);
        return response.getBody().get("token").asText();
    }

    /** Submits with the given materials (code → bytes); returns the raw response. */
    protected ResponseEntity<JsonNode> submit(String user, String itemCode, Map<String, Object> form, Map<String, byte[]> materials) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("application", toJson(Map.of("itemCode", itemCode, "form", form)));
        materials.forEach((code, bytes) -> body.add(code, file(code + ".pdf", bytes)));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(user).postForEntity("/api/v1/cases", new HttpEntity<>(body, headers), JsonNode.class);
    }

    protected String submitFood(String user) {
        var response = submit(user, FOOD, foodForm(), Map.of("PREMISES_PROOF", pdfBytes(), "LAYOUT_PLAN", pdfBytes()));
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return response.getBody().get("caseNumber").asText();
    }

    /** An outdoor advertising permit application (a pillar sign in Wukang) by {@code user}: its number. */
    protected String submitOutdoor(String user) {
        var response = submit(user, "OUTDOOR-ADVERTISING", Map.of("applicantName", "德清县莫干山文旅发展有限公司",
                        "creditCode", "91330521MA29K7LX1A", "contactPhone", "13957231234",
                        "siteAddress", "浙江省湖州市德清县武康街道英溪南路与余英街交叉口东北角", "facilityType", "PILLAR",
                        "widthMetres", 6, "heightMetres", 4, "periodMonths", 24, "lighting", "NO", "contentSummary", "莫干山旅游形象宣传"),
                Map.of("SITE_RIGHT", pdfBytes(), "DESIGN", pdfBytes(), "SAFETY", pdfBytes()));
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return response.getBody().get("caseNumber").asText();
    }

    protected String submitConstruction(String user) {
        var response = submit(user, CONSTRUCTION, constructionForm(),
                Map.of("PLANNING_PERMIT", pdfBytes(), "CONTRACT", pdfBytes(), "DRAWINGS_REVIEW", pdfBytes()));
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return response.getBody().get("caseNumber").asText();
    }

    protected static HttpEntity<ByteArrayResource> file(String name, byte[] bytes) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        return new HttpEntity<>(new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        }, headers);
    }

    /** The open task of a case at a step, as the approver finds it in their to-do list (filtered by case). */
    protected String taskOf(String approver, String caseNumber, String stepKey) {
        JsonNode todo = as(approver).getForObject("/api/v1/tasks?size=100&caseNumber={n}", JsonNode.class, caseNumber).get("items");
        for (JsonNode t : todo) {
            if (caseNumber.equals(t.path("caseNumber").asText()) && stepKey.equals(t.path("stepKey").asText())) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError(approver + " has no " + stepKey + " task for " + caseNumber + " in " + todo);
    }

    protected ResponseEntity<JsonNode> act(String approver, String taskId, String action, String opinion, List<String> corrections) {
        return act(approver, taskId, action, opinion, corrections, null);
    }

    /** {@code form}: the form fields the step fills (tongban:editableAt), or null. */
    protected ResponseEntity<JsonNode> act(String approver, String taskId, String action, String opinion, List<String> corrections,
                                           Map<String, Object> form) {
        var body = new java.util.HashMap<String, Object>();
        body.put("action", action);
        body.put("opinion", opinion);
        body.put("corrections", corrections);
        if (form != null) {
            body.put("form", form);
        }
        return as(approver).exchange("/api/v1/tasks/" + taskId + "/complete", HttpMethod.POST,
                new HttpEntity<>(body), JsonNode.class);
    }

    /** The food licence's on-site inspection fills its record (required there: tongban:editableAt="inspection"). */
    protected static Map<String, Object> inspectionRecord(String action) {
        return "AGREE".equals(action)
                ? Map.of("inspectionDate", java.time.LocalDate.now().toString(), "inspectionResult", "PASS")
                : Map.of("inspectionDate", java.time.LocalDate.now().toString(), "inspectionResult", "FAIL",
                        "inspectionNotes", "后厨布局不符合生熟分开要求");
    }

    protected void actOk(String approver, String caseNumber, String stepKey, String action, String opinion) {
        Map<String, Object> form = "inspection".equals(stepKey) ? inspectionRecord(action) : null;
        var response = act(approver, taskOf(approver, caseNumber, stepKey), action, opinion, null, form);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(204);
    }

    /** zhangwei's food case taken through acceptance, review, inspection and the grant: its number. */
    protected String grantedFood() {
        String number = submitFood("zhangwei");
        actOk("wangfang", number, "acceptance", "ACCEPT", null);
        actOk("liuyang", number, "review", "AGREE", "同意");
        actOk("liuyang", number, "inspection", "AGREE", "符合要求");
        actOk("wangfang", number, "decision", "GRANT", "准予许可");
        return number;
    }

    /**
     * A food case accepted on Monday 2026-09-14 and still open: the clock moves to 2026-09-29 09:00 (past its statutory
     * deadline 09-28) until the engine's timers have raised its red card, then back to real time.
     */
    protected String overdueFood() throws InterruptedException {
        try {
            clock.set(Instant.parse("2026-09-14T02:00:00Z"));
            String number = submitFood("zhangwei");
            actOk("wangfang", number, "acceptance", "ACCEPT", null);
            clock.set(Instant.parse("2026-09-29T01:00:00Z"));
            long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (jdbc.queryForObject("SELECT COUNT(*) FROM tb_deadline_warning w JOIN tb_case c ON c.id = w.case_id "
                    + "WHERE c.case_number = ? AND w.scope_key = 'CASE' AND w.card = 'RED'", Integer.class, number) == 0) {
                assertThat(System.nanoTime()).as("the red card of " + number).isLessThan(end);
                Thread.sleep(200);
            }
            return number;
        } finally {
            clock.reset();
        }
    }

    /** No holiday schedule for {@code year}: removed through the API (as an administrator), so no cache keeps it. */
    protected void withoutCalendarYear(int year) {
        int status = as("admin").exchange("/api/v1/calendar/" + year, HttpMethod.DELETE, null, String.class).getStatusCode().value();
        assertThat(status).isIn(204, 404);
    }

    /** lina's construction permit through acceptance, the three departments' joint review, consolidation and the grant. */
    protected String grantedConstruction() {
        String number = submitConstruction("lina");
        actOk("chenjing", number, "acceptance", "ACCEPT", null);
        actOk("zhaolei", number, "jointReview", "AGREE", "符合国土空间规划");
        actOk("sunqiang", number, "jointReview", "AGREE", "符合消防要求");
        actOk("zhoumin", number, "jointReview", "AGREE", "已取得环评批复");
        actOk("chenjing", number, "consolidation", "CONSOLIDATE", "三部门均同意，汇总意见：符合施工许可条件");
        actOk("chenjing", number, "decision", "GRANT", "准予许可");
        return number;
    }

    protected JsonNode caseOf(String user, String caseNumber) {
        return as(user).getForObject("/api/v1/cases/" + caseNumber, JsonNode.class);
    }

    /**
     * The licence of a granted case once it is issued: it is issued after the grant commits, so it may take a
     * moment. Until then the case shows it as ISSUING and its download answers 409.
     */
    protected JsonNode awaitLicence(String user, String caseNumber) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (true) {
            var response = as(user).getForEntity("/api/v1/cases/" + caseNumber + "/licence", JsonNode.class);
            if (response.getStatusCode().value() == 200) {
                return response.getBody();
            }
            assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(409);
            assertThat(System.nanoTime()).as("licence of " + caseNumber + " not issued within 30 s").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    protected String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
