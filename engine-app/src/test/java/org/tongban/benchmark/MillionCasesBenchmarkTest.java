package org.tongban.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.tongban.shared.ChinaTime;
import org.tongban.support.ApiTestBase;
import org.tongban.support.TestDatabase;

/**
 * A million concluded cases and 100,000 open tasks across 30 departments on MariaDB, then the pages people open most,
 * over HTTP with bearer tokens, on the same tables nearly empty (before generation) and full (after):
 * the approver's to-do page (first page, their department's candidate tasks), a case by number, the applicant's
 * case list, the supervisor's statistics for one month (by item and by department). Prints p50/p95/max of each,
 * the ratio full/empty, the generation time and EXPLAIN of the key statements (docs/scale.md).
 * <p>
 * The generator first makes a handful of real cases through the API, on fixed working days (the application's clock
 * is moved between steps): granted and refused food licences, a granted construction permit (joint review), and open
 * food cases waiting at acceptance and at review. It then clones them with set-based SQL ({@code INSERT ... SELECT}
 * over MariaDB's sequence engine), every table that has rows for them: tb_case and every tb_* table with a case_id,
 * and the engine's ACT_RU_* / ACT_HI_* rows of the process instance (new ids: the template's id + "-" + the clone's
 * ordinal). Each clone gets a new id and case number, an applicant, a submission date (concluded: spread over the two
 * years before last month; open: last month) with every timestamp shifted by the same amount, and a department
 * among 30 in place of the template's lead department (23 county bureaus are added, one approver each). Not cloned:
 * engine jobs (deadline timers; they would fire), licence and notice PDFs (NULL in clones).
 * <p>
 * Knobs: {@code -Dmillion.cases=1000000 -Dmillion.open-tasks=100000 -Dmillion.departments=30 -Dmillion.chunk=50000
 * -Dmillion.requests=200 -Dmillion.warmup=50}. Run: {@code mvn -o -B -Pbenchmark-million -pl engine-app test}.
 */
@Tag("benchmark")
class MillionCasesBenchmarkTest extends ApiTestBase {

    private static final int CASES = Integer.getInteger("million.cases", 1_000_000);
    private static final int OPEN = Integer.getInteger("million.open-tasks", 100_000);
    private static final int DEPARTMENTS = Integer.getInteger("million.departments", 30);
    private static final int CHUNK = Integer.getInteger("million.chunk", 50_000);
    private static final int REQUESTS = Integer.getInteger("million.requests", 200);
    private static final int WARMUP = Integer.getInteger("million.warmup", 50);
    /** The supervisor's month: in the middle of the concluded cases' two years. */
    private static final LocalDate MONTH = LocalDate.parse(System.getProperty("million.month", "2025-11-01"));
    private static final String APPROVER = "wangfang";
    private static final String APPROVER_DEPARTMENT = "DQ-SCJG";

    /** 23 more county departments (realistic Deqing bureaus), each with one approver: code, name, approver, name. */
    private static final String[][] MORE_DEPARTMENTS = {
            {"DQ-FGJ", "德清县发展和改革局", "Development and Reform Bureau", "钱志明"},
            {"DQ-JXJ", "德清县经济和信息化局", "Economy and Information Technology Bureau", "孙丽华"},
            {"DQ-JYJ", "德清县教育局", "Education Bureau", "李建华"},
            {"DQ-KJJ", "德清县科学技术局", "Science and Technology Bureau", "周晓燕"},
            {"DQ-MZJ", "德清县民政局", "Civil Affairs Bureau", "吴国强"},
            {"DQ-SFJ", "德清县司法局", "Justice Bureau", "郑海燕"},
            {"DQ-CZJ", "德清县财政局", "Finance Bureau", "王建军"},
            {"DQ-RSJ", "德清县人力资源和社会保障局", "Human Resources and Social Security Bureau", "冯晓东"},
            {"DQ-JTJ", "德清县交通运输局", "Transport Bureau", "陈立新"},
            {"DQ-SLJ", "德清县水利局", "Water Resources Bureau", "褚红梅"},
            {"DQ-NYJ", "德清县农业农村局", "Agriculture and Rural Affairs Bureau", "卫志刚"},
            {"DQ-SWJ", "德清县商务局", "Commerce Bureau", "蒋丽萍"},
            {"DQ-WGLT", "德清县文化和广电旅游体育局", "Culture, Radio, Television, Tourism and Sports Bureau", "沈小红"},
            {"DQ-WJJ", "德清县卫生健康局", "Health Bureau", "韩文斌"},
            {"DQ-TYJR", "德清县退役军人事务局", "Veterans Affairs Bureau", "杨国华"},
            {"DQ-YJJ", "德清县应急管理局", "Emergency Management Bureau", "朱建平"},
            {"DQ-SJJ", "德清县审计局", "Audit Bureau", "秦晓梅"},
            {"DQ-TJJ", "德清县统计局", "Statistics Bureau", "尤永明"},
            {"DQ-YBJ", "德清县医疗保障局", "Healthcare Security Bureau", "许丽君"},
            {"DQ-SJZY", "德清县数据局", "Data Bureau", "何志强"},
            {"DQ-GAJ", "德清县公安局", "Public Security Bureau", "吕建国"},
            {"DQ-RFB", "德清县人民防空办公室", "Civil Air Defence Office", "施秀英"},
            {"DQ-MZZJ", "德清县民族宗教事务局", "Ethnic and Religious Affairs Bureau", "张红霞"}};

    @Autowired
    RestTemplateBuilder restTemplates;
    @Autowired
    DataSource dataSource;
    @Autowired
    SpringProcessEngineConfiguration engine;

    private final Map<String, TestRestTemplate> clients = new LinkedHashMap<>();

    @Test
    void aMillionCases() throws Exception {
        assertThat(TestDatabase.MYSQL).as("the million-case benchmark runs on MariaDB/MySQL (-Pbenchmark-million)").isTrue();
        System.out.printf("%nBENCHMARK million: %,d concluded cases, %,d open tasks, %d departments, chunks of %,d%n",
                CASES, OPEN, DEPARTMENTS, CHUNK);
        // history cleaning of the engine's tables is on (application.yml), for concluded instances older than a year
        assertThat(engine.isEnableHistoryCleaning()).isTrue();
        System.out.printf("BENCHMARK history cleaning: enabled, after %s, cycle '%s', batch %d%n", engine.getCleanInstancesEndedAfter(),
                engine.getHistoryCleaningTimeCycleConfig(), engine.getCleanInstancesBatchSize());

        Templates templates = templates();
        measure("warm", templates); // the JIT and the pools: a first round on the empty tables, not counted
        var empty = measure("empty", templates);

        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            var sql = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            new Generator(sql, templates).run();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCHMARK generation: %.0f s (%.1f min) for %,d concluded + %,d open cases%n", seconds, seconds / 60, CASES, OPEN);
        counts();

        var full = measure("full", templates);
        System.out.printf("%nBENCHMARK million %-28s %10s %10s %10s   %10s %10s %10s   %s%n", "page", "empty p50", "p95", "max",
                "full p50", "p95", "max", "p95 full/empty");
        for (String page : full.keySet()) {
            double[] e = empty.get(page);
            double[] f = full.get(page);
            System.out.printf("BENCHMARK million %-28s %7.1f ms %7.1f ms %7.1f ms   %7.1f ms %7.1f ms %7.1f ms   %.2f%n",
                    page, e[0], e[1], e[2], f[0], f[1], f[2], f[1] / e[1]);
        }
        repairTime();
        explain(templates);
        System.out.println();
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    /** What TodoRepair's regular pass costs on these tables (it finds nothing to change: the table is consistent). */
    private void repairTime() throws Exception {
        Object repair = context.getBean("todoRepair");
        var method = repair.getClass().getDeclaredMethod("repair", java.time.Instant.class);
        method.setAccessible(true); // package-private: the workflow module's, not an API
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            int[] changed = (int[]) method.invoke(repair, java.time.Instant.now().minus(java.time.Duration.ofMinutes(1)));
            System.out.printf("BENCHMARK million to-do repair pass over %,d rows: %.2f s (deleted %d, added %d)%n",
                    jdbc.queryForObject("SELECT COUNT(*) FROM tb_todo_candidate", Long.class), (System.nanoTime() - t) / 1e9,
                    changed[0], changed[1]);
        }
    }

    // ------------------------------------------------------------------------------------------------ measuring

    private Map<String, double[]> measure(String label, Templates templates) {
        // cases of the approver's department from the whole range of ids (every 1 in n), looked up in random order
        long cases = jdbc.queryForObject("SELECT COUNT(*) FROM tb_case", Long.class);
        var numbers = jdbc.queryForList("SELECT c.case_number FROM tb_case_department d JOIN tb_case c ON c.id = d.case_id "
                + "WHERE d.department = ? AND d.role = 'LEAD' AND MOD(d.case_id, ?) = 0 LIMIT 5000", String.class,
                APPROVER_DEPARTMENT, Math.max(1, cases / 100_000));
        assertThat(numbers).isNotEmpty();
        var random = new Random(12);
        String month = "from=" + MONTH + "&to=" + MONTH.plusMonths(1).minusDays(1);
        var pages = new LinkedHashMap<String, Function<Integer, String>>();
        pages.put("to-do first page (approver)", i -> "/api/v1/tasks");
        pages.put("case by number (approver)", i -> "/api/v1/cases/" + numbers.get(random.nextInt(numbers.size())));
        pages.put("applicant's case list", i -> "/api/v1/cases");
        pages.put("statistics month by=ITEM", i -> "/api/v1/supervision/statistics?by=ITEM&" + month);
        pages.put("statistics month by=DEPT", i -> "/api/v1/supervision/statistics?by=DEPARTMENT&" + month);
        var users = Map.of("to-do first page (approver)", APPROVER, "case by number (approver)", APPROVER,
                "applicant's case list", "zhangwei", "statistics month by=ITEM", "zhengli", "statistics month by=DEPT", "zhengli");
        var result = new LinkedHashMap<String, double[]>();
        for (var page : pages.entrySet()) {
            TestRestTemplate client = client(users.get(page.getKey()));
            for (int i = 0; i < WARMUP; i++) {
                get(client, page.getValue().apply(i));
            }
            long[] nanos = new long[REQUESTS];
            JsonNode last = null;
            for (int i = 0; i < REQUESTS; i++) {
                String url = page.getValue().apply(i);
                long t = System.nanoTime();
                last = get(client, url);
                nanos[i] = System.nanoTime() - t;
            }
            java.util.Arrays.sort(nanos);
            double[] p = {percentile(nanos, 0.50), percentile(nanos, 0.95), nanos[nanos.length - 1] / 1e6};
            result.put(page.getKey(), p);
            System.out.printf("BENCHMARK million %-5s %-28s n=%d p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (%s)%n", label,
                    page.getKey(), REQUESTS, p[0], p[1], p[2], summary(page.getKey(), last));
        }
        return result;
    }

    private static String summary(String page, JsonNode body) {
        if (body.has("rows")) {
            return body.get("rows").size() + " rows, total " + body.path("total");
        }
        if (body.has("items")) {
            return "total " + body.get("total").asText() + ", " + body.get("items").size() + " on the page";
        }
        if (body.isArray()) {
            return body.size() + " cases";
        }
        return "status " + body.path("status").asText();
    }

    private static JsonNode get(TestRestTemplate client, String url) {
        var response = client.getForEntity(url, JsonNode.class);
        assertThat(response.getStatusCode().value()).as(url + ": " + response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** HttpURLConnection with a bearer token, as in the HTTP benchmark: the leanest client, one login per user. */
    private TestRestTemplate client(String user) {
        return clients.computeIfAbsent(user, u -> {
            var client = new TestRestTemplate(restTemplates.requestFactory(SimpleClientHttpRequestFactory.class)
                    .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token(u, PASSWORD)));
            client.setUriTemplateHandler(rest.getRestTemplate().getUriTemplateHandler());
            return client;
        });
    }

    private void counts() {
        for (String table : List.of("tb_case", "tb_case_event", "tb_case_department", "tb_material", "tb_licence", "tb_case_outcome",
                "tb_case_document", "tb_case_form_change", "ACT_HI_PROCINST", "ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_IDENTITYLINK",
                "ACT_RU_VARIABLE", "ACT_RU_ACTINST", "tb_todo_candidate")) {
            System.out.printf("BENCHMARK million rows %-22s %,12d%n", table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        System.out.printf("BENCHMARK million open tasks of %s: %,d%n", APPROVER_DEPARTMENT, jdbc.queryForObject(
                "SELECT COUNT(*) FROM ACT_RU_IDENTITYLINK WHERE TYPE_ = 'candidate' AND GROUP_ID_ = ?", Long.class, APPROVER_DEPARTMENT));
    }

    private void explain(Templates templates) {
        String from = MONTH.atStartOfDay(ChinaTime.ZONE).toInstant().toString().replace("T", " ").replace("Z", "");
        String to = MONTH.plusMonths(1).atStartOfDay(ChinaTime.ZONE).toInstant().toString().replace("T", " ").replace("Z", "");
        var statements = new LinkedHashMap<String, String>();
        String categories = "('acceptance', 'review', 'joint-review', 'decision', 'consolidation')";
        statements.put("to-do: the department's queue, first rows (TodoMapper.queuePage)", "SELECT C.task_id, C.created_at "
                + "FROM tb_todo_candidate C WHERE C.department IN ('DQ-SCJG') AND C.category IN " + categories
                + " AND C.claimed = FALSE ORDER BY C.created_at ASC, C.task_id ASC LIMIT 20");
        statements.put("to-do: the department's queue, counted (TodoMapper.QUEUE_TOTAL)", "SELECT COUNT(C.task_id) "
                + "FROM tb_todo_candidate C WHERE C.department IN ('DQ-SCJG') AND C.category IN " + categories + " AND C.claimed = FALSE");
        statements.put("statistics received", "SELECT item_code, COUNT(*) FROM tb_case WHERE submitted_at >= '" + from + "' AND submitted_at < '"
                + to + "' AND case_number IS NOT NULL GROUP BY item_code");
        statements.put("statistics corrected", "SELECT c.item_code, COUNT(*) FROM tb_case c WHERE c.submitted_at >= '" + from
                + "' AND c.submitted_at < '" + to + "' AND c.case_number IS NOT NULL AND EXISTS (SELECT 1 FROM tb_case_event e "
                + "WHERE e.case_id = c.id AND e.action = 'REQUEST_CORRECTION') GROUP BY c.item_code");
        statements.put("statistics concluded", "SELECT item_code, COUNT(*) FROM tb_case WHERE concluded_at >= '" + from
                + "' AND concluded_at < '" + to + "' AND status IN ('GRANTED', 'REFUSED') GROUP BY item_code");
        statements.put("outcomes missing", "SELECT c.id FROM tb_case c WHERE c.concluded_at >= '" + from + "' AND c.concluded_at < '" + to
                + "' AND c.accepted_at IS NOT NULL AND c.status IN ('GRANTED', 'REFUSED') "
                + "AND NOT EXISTS (SELECT 1 FROM tb_case_outcome o WHERE o.case_id = c.id) ORDER BY c.id LIMIT 2000");
        statements.put("applicant's cases", "SELECT id FROM tb_case WHERE applicant = 'zhangwei' ORDER BY id DESC");
        for (var s : statements.entrySet()) {
            System.out.println("BENCHMARK million EXPLAIN " + s.getKey());
            for (var row : jdbc.queryForList("EXPLAIN " + s.getValue())) {
                System.out.println("BENCHMARK million   " + row.values().stream().map(String::valueOf).collect(Collectors.joining(" | ")));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ templates

    /** Real cases made through the API: concluded ones and open ones, by case id. */
    record Templates(List<Long> concluded, List<Long> open) {
    }

    private void at(String dateTime) {
        clock.set(LocalDateTime.parse(dateTime).atZone(ChinaTime.ZONE).toInstant());
    }

    private Templates templates() throws InterruptedException {
        var concluded = new ArrayList<String>();
        var open = new ArrayList<String>();
        try {
            // a food licence granted over a week: accepted the next day, review, on-site inspection, decision
            at("2026-03-02T09:12:00");
            String food = submitFood("zhangwei");
            at("2026-03-03T10:05:00");
            actOk("wangfang", food, "acceptance", "ACCEPT", null);
            at("2026-03-05T14:30:00");
            actOk("liuyang", food, "review", "AGREE", "同意");
            at("2026-03-09T10:00:00");
            actOk("liuyang", food, "inspection", "AGREE", "符合要求");
            at("2026-03-11T16:20:00");
            actOk("wangfang", food, "decision", "GRANT", "准予许可");
            concluded.add(food);
            // refused after an unfavourable review and inspection
            at("2026-03-02T11:40:00");
            String refused = submitFood("zhangwei");
            at("2026-03-04T09:30:00");
            actOk("wangfang", refused, "acceptance", "ACCEPT", null);
            at("2026-03-06T15:00:00");
            actOk("wangfang", refused, "review", "DISAGREE", "与污染源距离不足");
            at("2026-03-10T10:00:00");
            actOk("wangfang", refused, "inspection", "DISAGREE", "现场核查不符合要求");
            at("2026-03-12T11:00:00");
            actOk("wangfang", refused, "decision", "REFUSE", "不符合条件");
            concluded.add(refused);
            // a construction permit through the three departments' joint review
            at("2026-03-03T09:00:00");
            String construction = submitConstruction("lina");
            at("2026-03-04T09:40:00");
            actOk("chenjing", construction, "acceptance", "ACCEPT", null);
            at("2026-03-06T10:00:00");
            actOk("zhaolei", construction, "jointReview", "AGREE", "符合国土空间规划");
            at("2026-03-09T11:00:00");
            actOk("sunqiang", construction, "jointReview", "AGREE", "符合消防要求");
            at("2026-03-10T15:00:00");
            actOk("zhoumin", construction, "jointReview", "AGREE", "已取得环评批复");
            at("2026-03-12T09:30:00");
            actOk("chenjing", construction, "consolidation", "CONSOLIDATE", "三部门均同意，汇总意见：符合施工许可条件");
            at("2026-03-16T10:00:00");
            actOk("chenjing", construction, "decision", "GRANT", "准予许可");
            concluded.add(construction);
            // rejected at the window (不予受理)
            at("2026-03-05T10:00:00");
            String rejected = submitFood("zhangwei");
            at("2026-03-05T15:00:00");
            actOk("wangfang", rejected, "acceptance", "REJECT", "申请事项不属于本机关职权范围");
            concluded.add(rejected);
            // a correction (补正) requested at the window, the materials resubmitted, then accepted and granted
            at("2026-03-06T09:20:00");
            String corrected = submitFood("zhangwei");
            at("2026-03-06T14:00:00");
            var correction = act("wangfang", taskOf("wangfang", corrected, "acceptance"), "REQUEST_CORRECTION", null,
                    List.of("经营场所使用证明（租赁合同）缺少出租方签章"));
            assertThat(correction.getStatusCode().value()).isEqualTo(204);
            at("2026-03-09T10:30:00");
            var body = new org.springframework.util.LinkedMultiValueMap<String, Object>();
            body.add("application", toJson(Map.of("form", Map.of("premisesAddress", "浙江省湖州市德清县禹越镇杭海路88号1幢"))));
            body.add("PREMISES_PROOF", file("租赁合同-补正.pdf", pdfBytes()));
            var headers = new HttpHeaders();
            headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
            var resubmitted = as("zhangwei").exchange("/api/v1/cases/" + corrected + "/resubmission", org.springframework.http.HttpMethod.POST,
                    new org.springframework.http.HttpEntity<>(body, headers), JsonNode.class);
            assertThat(resubmitted.getStatusCode().value()).as(String.valueOf(resubmitted.getBody())).isEqualTo(200);
            at("2026-03-10T09:00:00");
            actOk("wangfang", corrected, "acceptance", "ACCEPT", "材料齐全，予以受理");
            at("2026-03-12T15:00:00");
            actOk("liuyang", corrected, "review", "AGREE", "同意");
            at("2026-03-16T10:00:00");
            actOk("liuyang", corrected, "inspection", "AGREE", "符合要求");
            at("2026-03-18T16:00:00");
            actOk("wangfang", corrected, "decision", "GRANT", "准予许可");
            concluded.add(corrected);
            // open: waiting at acceptance, and accepted, waiting at review
            at("2026-03-16T09:00:00");
            open.add(submitFood("zhangwei"));
            at("2026-03-16T10:00:00");
            String accepted = submitFood("zhangwei");
            at("2026-03-17T09:00:00");
            actOk("wangfang", accepted, "acceptance", "ACCEPT", null);
            open.add(accepted);
            // a full first page for the approver on the empty tables too (20 tasks), so full and empty differ in rows only
            for (int i = 0; i < 20; i++) {
                at("2026-03-17T10:" + (10 + i) + ":00");
                submitFood("mgswenlv"); // another applicant: zhangwei's list stays his own handful
            }
        } finally {
            clock.reset();
        }
        awaitLicence("zhangwei", concluded.get(0));
        awaitLicence("lina", concluded.get(2));
        awaitLicence("zhangwei", concluded.get(4));
        // outcomes are written after the conclusion commits
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (jdbc.queryForObject("SELECT COUNT(*) FROM tb_case_outcome", Integer.class) < 4) {
            assertThat(System.nanoTime()).as("the templates' outcomes").isLessThan(deadline);
            Thread.sleep(100);
        }
        Function<String, Long> id = n -> jdbc.queryForObject("SELECT id FROM tb_case WHERE case_number = ?", Long.class, n);
        return new Templates(concluded.stream().map(id).toList(), open.stream().map(id).toList());
    }

    // ------------------------------------------------------------------------------------------------ the generator

    /** Set-based cloning of the templates (one connection, autocommit, foreign key checks off for the engine's tables). */
    private final class Generator {

        private final JdbcTemplate sql;
        private final Templates templates;
        private final String schema;

        Generator(JdbcTemplate sql, Templates templates) {
            this.sql = sql;
            this.templates = templates;
            this.schema = sql.queryForObject("SELECT DATABASE()", String.class);
        }

        void run() {
            sql.execute("SET SESSION foreign_key_checks = 0");
            departments();
            sql.execute("CREATE TABLE mil_dept (k INT PRIMARY KEY, code VARCHAR(32), actor VARCHAR(64), actor_name VARCHAR(100))");
            List<Map<String, Object>> approvers = sql.queryForList("SELECT d.department_code AS code, MIN(d.username) AS actor "
                    + "FROM tb_user_department d JOIN tb_user_role r ON r.username = d.username AND r.role = 'APPROVER' "
                    + "GROUP BY d.department_code ORDER BY d.department_code LIMIT " + DEPARTMENTS);
            for (int k = 0; k < approvers.size(); k++) {
                String actor = (String) approvers.get(k).get("actor");
                sql.update("INSERT INTO mil_dept VALUES (?, ?, ?, (SELECT display_name FROM tb_user WHERE username = ?))",
                        k, approvers.get(k).get("code"), actor, actor);
            }
            int departments = approvers.size();
            sql.execute("CREATE TABLE mil_tpl (k INT PRIMARY KEY, case_id BIGINT, pi VARCHAR(64), dept VARCHAR(32), submitted_at DATETIME)");
            sql.execute("CREATE TABLE mil_map (case_id BIGINT PRIMARY KEY, s INT, tpl BIGINT, tpl_pi VARCHAR(64), tpl_dept VARCHAR(32), "
                    + "dept VARCHAR(32), actor VARCHAR(64), actor_name VARCHAR(100), applicant VARCHAR(64), number VARCHAR(32), shift BIGINT, "
                    + "KEY ix_mil_map_tpl (tpl, case_id))");
            long base = sql.queryForObject("SELECT MAX(id) FROM tb_case", Long.class) + 1000;
            // concluded: weighted towards the food licence (in 10: granted 4, granted after a correction 1, refused 2,
            // construction 2, rejected at the window 1)
            List<Long> concludedMix = List.of(0, 0, 0, 0, 4, 1, 1, 2, 2, 3).stream().map(i -> templates.concluded().get(i)).toList();
            long nextId = generate("concluded", concludedMix, base, CASES, departments,
                    LocalDate.now(ChinaTime.ZONE).withDayOfMonth(1).minusMonths(25), 730);
            generate("open", templates.open(), nextId, OPEN, departments, LocalDate.now(ChinaTime.ZONE).minusDays(31), 30);
            long t = System.nanoTime();
            // the departments' to-do table for the cloned tasks: V26's statement on an upgraded database (TodoRepair's insert)
            int queued = sql.update("INSERT INTO tb_todo_candidate (task_id, department, claimed, category, created_at, due_at) "
                    + "SELECT DISTINCT L.TASK_ID_, L.GROUP_ID_, CASE WHEN T.ASSIGNEE_ IS NULL THEN FALSE ELSE TRUE END, T.CATEGORY_, "
                    + "T.CREATE_TIME_, T.DUE_DATE_ FROM ACT_RU_IDENTITYLINK L JOIN ACT_RU_TASK T ON T.ID_ = L.TASK_ID_ "
                    + "WHERE L.TYPE_ = 'candidate' AND L.GROUP_ID_ IS NOT NULL AND T.PROC_INST_ID_ IS NOT NULL "
                    + "AND NOT EXISTS (SELECT 1 FROM tb_todo_candidate C WHERE C.task_id = L.TASK_ID_ AND C.department = L.GROUP_ID_)");
            System.out.printf("BENCHMARK million to-do table (V26's fill of an upgraded database): %,d rows in %.1f s%n", queued,
                    (System.nanoTime() - t) / 1e9);
            t = System.nanoTime();
            // fresh index statistics, as a production database has them (InnoDB recomputes them after 10 % of a table changed)
            for (String table : List.of("tb_case", "tb_case_event", "tb_case_department", "tb_material", "tb_licence", "tb_case_outcome",
                    "tb_case_document", "tb_case_form_change", "ACT_RU_TASK", "ACT_RU_EXECUTION", "ACT_RU_IDENTITYLINK", "ACT_RU_VARIABLE",
                    "ACT_RU_ACTINST", "ACT_HI_PROCINST", "tb_todo_candidate")) {
                sql.queryForList("ANALYZE TABLE " + table);
            }
            System.out.printf("BENCHMARK million ANALYZE TABLE: %.1f s%n", (System.nanoTime() - t) / 1e9);
            sql.execute("DROP TABLE mil_map");
            sql.execute("DROP TABLE mil_tpl");
            sql.execute("DROP TABLE mil_dept");
            sql.execute("SET SESSION foreign_key_checks = 1");
        }

        /** 23 more departments (to 30), one approver each (the demo password: they can log in). */
        private void departments() {
            String hash = sql.queryForObject("SELECT password_hash FROM tb_user WHERE username = ?", String.class, APPROVER);
            for (String[] d : MORE_DEPARTMENTS) {
                String user = d[0].substring(3).toLowerCase() + "01";
                sql.update("INSERT INTO tb_department (code, name_zh, name_en) VALUES (?, ?, ?)", d[0], d[1], "Deqing County " + d[2]);
                sql.update("INSERT INTO tb_user (username, password_hash, display_name, enabled) VALUES (?, ?, ?, TRUE)", user, hash, d[3]);
                sql.update("INSERT INTO tb_user_role (username, role) VALUES (?, 'APPROVER')", user);
                sql.update("INSERT INTO tb_user_department (username, department_code) VALUES (?, ?)", user, d[0]);
            }
        }

        /** {@code count} clones of {@code mix} (round robin) from id {@code firstId}; returns the next free id. */
        private long generate(String kind, List<Long> mix, long firstId, int count, int departments, LocalDate from, int days) {
            long t = System.nanoTime();
            sql.execute("DELETE FROM mil_tpl");
            for (int k = 0; k < mix.size(); k++) {
                long caseId = mix.get(k);
                sql.update("INSERT INTO mil_tpl SELECT ?, c.id, c.process_instance_id, (SELECT MIN(d.department) FROM tb_case_department d "
                        + "WHERE d.case_id = c.id AND d.role = 'LEAD'), c.submitted_at FROM tb_case c WHERE c.id = ?", k, caseId);
            }
            var distinct = new LinkedHashSet<>(mix);
            var actTables = actTables();
            var idsOf = new LinkedHashMap<Long, List<String>>();
            var rowsOf = new LinkedHashMap<Long, Map<String, String>>();
            for (long caseId : distinct) {
                String pi = sql.queryForObject("SELECT process_instance_id FROM tb_case WHERE id = ?", String.class, caseId);
                var ids = new LinkedHashSet<String>();
                ids.add(pi);
                // the instance's rows; a task's rows (identity links, local variables) also by the task's id
                var tasks = sql.queryForList("SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ?", String.class, pi);
                String taskList = tasks.stream().map(i -> "'" + i + "'").collect(Collectors.joining(","));
                var conditions = new LinkedHashMap<String, String>();
                for (var table : actTables.entrySet()) {
                    String condition = "t.PROC_INST_ID_ = '" + pi + "'";
                    if (table.getValue().containsKey("TASK_ID_") && !tasks.isEmpty()) {
                        condition = "(" + condition + " OR t.TASK_ID_ IN (" + taskList + "))";
                    }
                    var found = sql.queryForList("SELECT t.ID_ FROM " + table.getKey() + " t WHERE " + condition, String.class);
                    if (!found.isEmpty()) {
                        ids.addAll(found);
                        conditions.put(table.getKey(), condition);
                        System.out.printf("BENCHMARK million template %d: %d rows of %s%n", caseId, found.size(), table.getKey());
                    }
                }
                idsOf.put(caseId, List.copyOf(ids));
                rowsOf.put(caseId, conditions);
            }
            var caseTables = caseTables();
            for (int lo = 1; lo <= count; lo += CHUNK) {
                int hi = Math.min(count, lo + CHUNK - 1);
                long chunk = System.nanoTime();
                // the clones: template, department, applicant, number, submission time (working hours), shift of all times
                sql.update("INSERT INTO mil_map SELECT ? + q.seq, q.seq, tp.case_id, tp.pi, tp.dept, d.code, d.actor, d.actor_name, "
                        + "CONCAT('sq', LPAD(q.seq % ?, 7, '0')), CONCAT('TB', DATE_FORMAT(q.sub, '%Y%m%d'), LPAD((? + q.seq) % 1000000, 6, '0')), "
                        + "TIMESTAMPDIFF(SECOND, tp.submitted_at, q.sub) "
                        + "FROM (SELECT seq, TIMESTAMP(? + INTERVAL FLOOR((seq - 1) * ? / ?) DAY) + INTERVAL (32400 + (seq * 7919) % 28800) SECOND AS sub "
                        + "FROM seq_" + lo + "_to_" + hi + ") q JOIN mil_tpl tp ON tp.k = q.seq % ? JOIN mil_dept d ON d.k = (q.seq DIV 10) % ?",
                        firstId - 1, Math.max(1, count / 4), firstId - 1, java.sql.Date.valueOf(from), days, count, mix.size(), departments);
                String range = " WHERE m.case_id BETWEEN " + (firstId + lo - 1) + " AND " + (firstId + hi - 1);
                cloneCases(range);
                for (var table : caseTables.entrySet()) {
                    cloneCaseRows(table.getKey(), table.getValue(), range);
                }
                for (long caseId : distinct) {
                    for (var table : rowsOf.get(caseId).entrySet()) {
                        cloneEngineRows(table.getKey(), actTables.get(table.getKey()), idsOf.get(caseId), table.getValue(),
                                range + " AND m.tpl = " + caseId);
                    }
                }
                System.out.printf("BENCHMARK million %s %,d..%,d: %.1f s%n", kind, lo, hi, (System.nanoTime() - chunk) / 1e9);
            }
            System.out.printf("BENCHMARK million generated %,d %s cases in %.1f s%n", count, kind, (System.nanoTime() - t) / 1e9);
            return firstId + count;
        }

        /** Columns of a table: name → data type. */
        private Map<String, String> columns(String table) {
            var columns = new LinkedHashMap<String, String>();
            sql.query("SELECT COLUMN_NAME, DATA_TYPE, EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? "
                    + "ORDER BY ORDINAL_POSITION", rs -> {
                if (!rs.getString(3).toLowerCase().contains("auto_increment") || table.equals("tb_case")) {
                    columns.put(rs.getString(1), rs.getString(2).toLowerCase());
                }
            }, schema, table);
            return columns;
        }

        /** Every tb_* table with a case_id (but tb_case itself): its columns. */
        private Map<String, Map<String, String>> caseTables() {
            var tables = new LinkedHashMap<String, Map<String, String>>();
            for (String table : sql.queryForList("SELECT TABLE_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? "
                    + "AND COLUMN_NAME = 'case_id' AND TABLE_NAME LIKE 'tb\\_%' ORDER BY TABLE_NAME", String.class, schema)) {
                tables.put(table, columns(table));
            }
            return tables;
        }

        /** The engine's tables with a PROC_INST_ID_ (runtime and history; jobs have PROCESS_INSTANCE_ID_ and are left out). */
        private Map<String, Map<String, String>> actTables() {
            var tables = new LinkedHashMap<String, Map<String, String>>();
            for (String table : sql.queryForList("SELECT TABLE_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? "
                    + "AND COLUMN_NAME = 'PROC_INST_ID_' AND TABLE_NAME LIKE 'ACT\\_%' ORDER BY TABLE_NAME", String.class, schema)) {
                var columns = columns(table);
                if (columns.containsKey("ID_")) { // not ACT_EVT_LOG (off)
                    tables.put(table, columns);
                }
            }
            return tables;
        }

        private static boolean isTime(String type) {
            return type.equals("timestamp") || type.equals("datetime");
        }

        private void cloneCases(String range) {
            var columns = columns("tb_case");
            var exprs = new ArrayList<String>();
            for (var c : columns.entrySet()) {
                String col = c.getKey();
                exprs.add(switch (col) {
                    case "id" -> "m.case_id";
                    case "case_number" -> "m.number";
                    case "applicant" -> "m.applicant";
                    case "process_instance_id" -> "CONCAT(t.process_instance_id, '-', m.s)";
                    default -> isTime(c.getValue()) ? "TIMESTAMPADD(SECOND, m.shift, t." + col + ")" : "t." + col;
                });
            }
            sql.update("INSERT INTO tb_case (" + String.join(", ", columns.keySet()) + ") SELECT " + String.join(", ", exprs)
                    + " FROM mil_map m JOIN tb_case t ON t.id = m.tpl" + range);
        }

        private void cloneCaseRows(String table, Map<String, String> columns, String range) {
            var exprs = new ArrayList<String>();
            for (var c : columns.entrySet()) {
                String col = c.getKey();
                String type = c.getValue();
                exprs.add(switch (col) {
                    case "case_id" -> "m.case_id";
                    case "open_case_id" -> "CASE WHEN t.open_case_id IS NULL THEN NULL ELSE m.case_id END";
                    case "case_number" -> "m.number";
                    case "applicant" -> "m.applicant";
                    case "department" -> "CASE WHEN t.department = m.tpl_dept THEN m.dept ELSE t.department END";
                    case "actor" -> columns.containsKey("department")
                            ? "CASE WHEN t.department = m.tpl_dept AND m.dept <> m.tpl_dept THEN m.actor ELSE t.actor END" : "t.actor";
                    case "actor_name" -> columns.containsKey("department")
                            ? "CASE WHEN t.department = m.tpl_dept AND m.dept <> m.tpl_dept THEN m.actor_name ELSE t.actor_name END" : "t.actor_name";
                    case "licence_number", "identifier", "verify_token", "document_number" ->
                            "CASE WHEN t." + col + " IS NULL THEN NULL ELSE CONCAT(t." + col + ", '-', m.s) END";
                    case "pdf", "content" -> "NULL";
                    default -> isTime(type) ? "TIMESTAMPADD(SECOND, m.shift, t." + col + ")"
                            : type.equals("date") ? "DATE(TIMESTAMPADD(SECOND, m.shift, t." + col + "))" : "t." + col;
                });
            }
            sql.update("INSERT INTO " + table + " (" + String.join(", ", columns.keySet()) + ") SELECT " + String.join(", ", exprs)
                    + " FROM mil_map m JOIN " + table + " t ON t.case_id = m.tpl" + range);
        }

        private void cloneEngineRows(String table, Map<String, String> columns, List<String> ids, String rows, String where) {
            String idList = ids.stream().map(i -> "'" + i + "'").collect(Collectors.joining(","));
            var exprs = new ArrayList<String>();
            for (var c : columns.entrySet()) {
                String col = c.getKey();
                String type = c.getValue();
                if (col.equals("BUSINESS_KEY_")) {
                    exprs.add("CASE WHEN t.BUSINESS_KEY_ IS NULL THEN NULL ELSE m.number END");
                } else if (col.equals("GROUP_ID_")) {
                    exprs.add("CASE WHEN t.GROUP_ID_ = m.tpl_dept THEN m.dept ELSE t.GROUP_ID_ END");
                } else if (col.equals("TEXT_") && columns.containsKey("NAME_")) {
                    exprs.add("CASE t.NAME_ WHEN 'caseNumber' THEN m.number WHEN 'applicant' THEN m.applicant ELSE t.TEXT_ END");
                } else if (col.endsWith("ID_") && type.contains("char")) {
                    exprs.add("CASE WHEN t." + col + " IN (" + idList + ") THEN CONCAT(t." + col + ", '-', m.s) ELSE t." + col + " END");
                } else if (isTime(type)) {
                    exprs.add("TIMESTAMPADD(SECOND, m.shift, t." + col + ")");
                } else {
                    exprs.add("t." + col);
                }
            }
            sql.update("INSERT INTO " + table + " (" + String.join(", ", columns.keySet()) + ") SELECT " + String.join(", ", exprs)
                    + " FROM mil_map m JOIN " + table + " t ON " + rows + where);
        }
    }

    @SuppressWarnings("unused")
    private static Instant utc(LocalDateTime t) {
        return t.toInstant(ZoneOffset.UTC);
    }
}
