package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tongban.support.ApiTestBase;

/**
 * The web UI's API: session login as JSON with the SPA's CSRF handling (XSRF-TOKEN cookie, X-XSRF-TOKEN header),
 * GET /me, logout; the public form schema, process diagram and departments; the SPA fallback for page loads.
 */
class WebUiSessionTest extends ApiTestBase {

    /** A browser: keeps the cookies it is given and sends the CSRF cookie's value in X-XSRF-TOKEN when asked to. */
    private final class Browser {
        final Map<String, String> cookies = new LinkedHashMap<>();
        String forwardedFor;

        ResponseEntity<JsonNode> send(HttpMethod method, String path, Object body, boolean csrf) {
            var headers = new HttpHeaders();
            if (!cookies.isEmpty()) {
                headers.add(HttpHeaders.COOKIE, String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            if (csrf && cookies.containsKey("XSRF-TOKEN")) {
                headers.set("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
            }
            if (forwardedFor != null) {
                headers.set("X-Forwarded-For", forwardedFor);
            }
            headers.setContentType(MediaType.APPLICATION_JSON);
            var response = rest.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
            for (String set : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
                String pair = set.substring(0, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || set.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }

        ResponseEntity<JsonNode> login(String user, String password) {
            return send(HttpMethod.POST, "/api/v1/session", Map.of("username", user, "password", password), true);
        }
    }

    @Test
    void theWebUiLogsInWithASessionAndTheCsrfCookieAndLogsOut() {
        var browser = new Browser();
        var anonymous = browser.send(HttpMethod.GET, "/api/v1/me", null, false);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(204);
        assertThat(browser.cookies).containsKey("XSRF-TOKEN");
        String before = browser.cookies.get("XSRF-TOKEN");

        // without the header a login is refused (a forged cross-site login), and no session is started
        var forged = browser.send(HttpMethod.POST, "/api/v1/session", Map.of("username", "zhangwei", "password", PASSWORD), false);
        assertThat(forged.getStatusCode().value()).isEqualTo(401);
        assertThat(browser.send(HttpMethod.GET, "/api/v1/me", null, false).getStatusCode().value()).isEqualTo(204);

        var wrong = browser.login("zhangwei", "wrong-password");
        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        assertThat(wrong.getBody().get("code").asText()).isEqualTo("invalid-credentials");

        var login = browser.login("zhangwei", PASSWORD);
        assertThat(login.getStatusCode().value()).as(String.valueOf(login.getBody())).isEqualTo(200);
        assertThat(login.getBody().get("username").asText()).isEqualTo("zhangwei");
        assertThat(login.getBody().get("displayName").asText()).isEqualTo("张伟");
        assertThat(login.getBody().get("roles")).extracting(JsonNode::asText).containsExactly("APPLICANT");
        assertThat(browser.cookies).containsKey("SESSION");
        assertThat(browser.cookies.get("XSRF-TOKEN")).as("a fresh CSRF token after login").isNotEqualTo(before);

        var me = browser.send(HttpMethod.GET, "/api/v1/me", null, false);
        assertThat(me.getStatusCode().value()).isEqualTo(200);
        assertThat(me.getBody().get("username").asText()).isEqualTo("zhangwei");
        assertThat(browser.send(HttpMethod.GET, "/api/v1/cases", null, false).getStatusCode().value()).isEqualTo(200);

        // state changes need the header: without it 403, with it the logout happens
        var noHeader = browser.send(HttpMethod.DELETE, "/api/v1/session", null, false);
        assertThat(noHeader.getStatusCode().value()).isEqualTo(403);
        assertThat(browser.send(HttpMethod.GET, "/api/v1/me", null, false).getStatusCode().value()).isEqualTo(200);
        String session = browser.cookies.get("SESSION");
        assertThat(browser.send(HttpMethod.DELETE, "/api/v1/session", null, true).getStatusCode().value()).isEqualTo(204);
        assertThat(browser.send(HttpMethod.GET, "/api/v1/me", null, false).getStatusCode().value()).isEqualTo(204);
        // the old session id is dead even if a copy was kept
        var replay = new Browser();
        replay.cookies.put("SESSION", session);
        assertThat(replay.send(HttpMethod.GET, "/api/v1/cases", null, false).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void sessionLoginSharesTheThrottleWithTokenLogin() {
        var browser = new Browser();
        browser.forwardedFor = "198.51.100.77";
        browser.send(HttpMethod.GET, "/api/v1/me", null, false);
        for (int i = 0; i < 5; i++) {
            assertThat(browser.login("lina", "guess-" + i).getStatusCode().value()).isEqualTo(401);
        }
        var throttled = browser.login("lina", PASSWORD);
        assertThat(throttled.getStatusCode().value()).isEqualTo(429);
        assertThat(throttled.getBody().get("code").asText()).isEqualTo("login-throttled");
        assertThat(throttled.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotNull();
        // the token endpoint counts the same failures for the account
        var token = rest.postForEntity("/api/v1/auth/tokens", Map.of("username", "lina", "password", PASSWORD), JsonNode.class);
        assertThat(token.getStatusCode().value()).isEqualTo(429);
    }

    @Test
    void meAnswersBearerClientsWithRolesAndDepartments() {
        var me = as("wangfang").getForEntity("/api/v1/me", JsonNode.class);
        assertThat(me.getStatusCode().value()).isEqualTo(200);
        assertThat(me.getBody().get("roles")).extracting(JsonNode::asText).containsExactly("APPROVER");
        assertThat(me.getBody().get("departments")).extracting(JsonNode::asText).containsExactly("DQ-SCJG");
        // API clients get no CSRF cookie (only the web UI's GET /me hands one out), nor does a public lookup
        assertThat(as("wangfang").getForEntity("/api/v1/tasks", JsonNode.class).getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).isEmpty();
        assertThat(rest.getForEntity("/api/v1/items", JsonNode.class).getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).isEmpty();
        // a bearer client logs out with its token, not here
        var logout = as("wangfang").exchange("/api/v1/session", HttpMethod.DELETE, null, JsonNode.class);
        assertThat(logout.getStatusCode().value()).isEqualTo(400);
        assertThat(logout.getBody().get("code").asText()).isEqualTo("session-required");
    }

    @Test
    void theGuideReadsTheFormTheProcessAndTheDepartmentsWithoutLogin() {
        var form = rest.getForEntity("/api/v1/items/" + FOOD + "/form", JsonNode.class);
        assertThat(form.getStatusCode().value()).isEqualTo(200);
        assertThat(form.getBody().get("id").asText()).isEqualTo("food-business-licence");
        assertThat(form.getBody().get("components")).extracting(c -> c.path("key").asText()).contains("operatorName", "creditCode");

        var process = rest.getForEntity("/api/v1/items/" + FOOD + "/process", String.class);
        assertThat(process.getStatusCode().value()).isEqualTo(200);
        assertThat(process.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_XML)).isTrue();
        assertThat(process.getBody()).contains("id=\"foodBusinessLicence\"").contains("id=\"acceptance\"");

        for (String path : List.of("/api/v1/items/NO-SUCH-ITEM/form", "/api/v1/items/NO-SUCH-ITEM/process")) {
            var missing = rest.getForEntity(path, JsonNode.class);
            assertThat(missing.getStatusCode().value()).as(path).isEqualTo(404);
            assertThat(missing.getBody().get("code").asText()).isEqualTo("item-not-found");
        }

        JsonNode departments = rest.getForObject("/api/v1/departments", JsonNode.class);
        assertThat(departments).anySatisfy(d -> {
            assertThat(d.get("code").asText()).isEqualTo("DQ-SCJG");
            assertThat(d.at("/name/zh").asText()).contains("市场监督管理局");
        });
    }

    @Test
    void theCaseViewNamesTheCurrentStepsByTheirBpmnActivityIds() {
        String caseNumber = submitFood("zhangwei");
        JsonNode view = as("zhangwei").getForObject("/api/v1/cases/" + caseNumber, JsonNode.class);
        assertThat(view.get("currentSteps")).extracting(s -> s.get("stepKey").asText()).containsExactly("acceptance");
        String xml = rest.getForObject("/api/v1/items/" + FOOD + "/process", String.class);
        assertThat(xml).contains("<userTask id=\"acceptance\"");
        // not to those who may not see the case
        assertThat(as("lina").getForEntity("/api/v1/cases/" + caseNumber, JsonNode.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void pageLoadsOfClientRoutesGetTheAppWithoutShadowingTheServersPaths() {
        assumeFalse(Boolean.getBoolean("tongban.ui.skip"), "web UI not built (-Dtongban.ui.skip=true)");
        var html = new HttpHeaders();
        html.setAccept(List.of(MediaType.TEXT_HTML, MediaType.ALL));
        for (String route : List.of("/", "/items/" + FOOD, "/my/cases/DQ-2026-000001", "/sign-in", "/progress")) {
            var page = rest.exchange(route, HttpMethod.GET, new HttpEntity<>(html), String.class);
            assertThat(page.getStatusCode().value()).as(route).isEqualTo(200);
            assertThat(page.getBody()).as(route).contains("<div id=\"app\"></div>").doesNotContain("<script>");
            assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'");
        }
        // the server's own paths keep their answers, and their protection: a page load is not a way into the API
        var api = rest.exchange("/api/v1/no-such-thing", HttpMethod.GET, new HttpEntity<>(html), String.class);
        assertThat(api.getBody()).doesNotContain("id=\"app\"");
        var cases = rest.exchange("/api/v1/cases", HttpMethod.GET, new HttpEntity<>(html), String.class);
        assertThat(cases.getStatusCode().value()).isEqualTo(401);
        assertThat(cases.getBody()).doesNotContain("id=\"app\"");
        assertThat(rest.exchange("/login", HttpMethod.GET, new HttpEntity<>(html), String.class).getBody())
                .contains("name=\"_csrf\"").doesNotContain("id=\"app\"");
        assertThat(rest.exchange("/swagger-ui/index.html", HttpMethod.GET, new HttpEntity<>(html), String.class).getBody())
                .contains("swagger").doesNotContain("id=\"app\"");
        assertThat(rest.exchange("/error", HttpMethod.GET, new HttpEntity<>(html), String.class).getBody()).doesNotContain("id=\"app\"");
        assertThat(rest.exchange("/actuator/health", HttpMethod.GET, new HttpEntity<>(html), String.class).getBody())
                .doesNotContain("id=\"app\"");
        // built files are served, a missing one is not answered with the app
        String index = rest.exchange("/", HttpMethod.GET, new HttpEntity<>(html), String.class).getBody();
        String script = index.replaceAll("(?s).*<script type=\"module\" crossorigin src=\"([^\"]+)\".*", "$1");
        assertThat(rest.getForEntity(script, String.class).getStatusCode().value()).isEqualTo(200);
        var missing = rest.exchange("/assets/no-such-file.js", HttpMethod.GET, new HttpEntity<>(html), String.class);
        assertThat(missing.getStatusCode().value()).isNotEqualTo(200);
    }
}
