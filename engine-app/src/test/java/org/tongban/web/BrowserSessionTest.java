package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.tongban.support.ApiTestBase;

/** Browsers log in with a session and must send the CSRF token on every state-changing request. */
class BrowserSessionTest extends ApiTestBase {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

    @Test
    void sessionLoginWorksAndCsrfIsEnforcedForCookieRequests() {
        var login = login("wangfang", PASSWORD);
        assertThat(login.getStatusCode().value()).isEqualTo(302);
        assertThat(login.getHeaders().getLocation().toString()).doesNotContain("error");
        String session = cookie(login.getHeaders());

        var withSession = new HttpHeaders();
        withSession.add(HttpHeaders.COOKIE, session);
        var todo = rest.exchange("/api/v1/tasks", HttpMethod.GET, new HttpEntity<>(withSession), JsonNode.class);
        assertThat(todo.getStatusCode().value()).isEqualTo(200);

        // the session lives in the database (any node can serve it), and it keeps no password hash
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = 'wangfang'", Integer.class))
                .isPositive();
        for (byte[] attribute : jdbc.queryForList("SELECT A.ATTRIBUTE_BYTES FROM SPRING_SESSION_ATTRIBUTES A JOIN SPRING_SESSION S "
                + "ON S.PRIMARY_ID = A.SESSION_PRIMARY_ID WHERE S.PRINCIPAL_NAME = 'wangfang'", byte[].class)) {
            assertThat(new String(attribute, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("$2a$");
        }

        // a cookie-authenticated POST without the CSRF token is refused, as a cross-site form would be
        withSession.setContentType(MediaType.APPLICATION_JSON);
        var forged = rest.exchange("/api/v1/tasks/any/claim", HttpMethod.POST, new HttpEntity<>("{}", withSession), JsonNode.class);
        assertThat(forged.getStatusCode().value()).isEqualTo(403);
        assertThat(forged.getBody().get("code").asText()).isEqualTo("forbidden");

        // a wrong password does not log in
        assertThat(login("wangfang", "wrong").getHeaders().getLocation().toString()).contains("error");
    }

    @Test
    void onlyAValidBearerTokenLiftsCsrfFromARequestThatAlsoCarriesTheSessionCookie() {
        String session = cookie(login("wangfang", PASSWORD).getHeaders());
        String task = taskOf("wangfang", submitFood("zhangwei"), "acceptance");
        String basic = java.util.Base64.getEncoder().encodeToString(("wangfang:" + PASSWORD).getBytes());
        for (String authorization : List.of("Bearer tb_" + "x".repeat(43), "Bearer", "Basic " + basic, "Basic bogus", "Token x")) {
            var headers = new HttpHeaders();
            headers.add(HttpHeaders.COOKIE, session);
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
            headers.setContentType(MediaType.APPLICATION_JSON);
            var forged = rest.exchange("/api/v1/tasks/" + task + "/claim", HttpMethod.POST, new HttpEntity<>("{}", headers), JsonNode.class);
            // a bogus bearer token is refused as such; anything else leaves a cookie request that lacks its CSRF token
            assertThat(forged.getStatusCode().value()).as(authorization).isEqualTo(authorization.startsWith("Bearer tb_") ? 401 : 403);
        }
        assertThat(jdbc.queryForObject("SELECT ASSIGNEE_ FROM ACT_RU_TASK WHERE ID_ = ?", String.class, task)).isNull();
        // a request proven by its own valid token needs no CSRF token
        assertThat(as("wangfang").postForEntity("/api/v1/tasks/" + task + "/claim", null, JsonNode.class)
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void anonymousStateChangingRequestsAreUnauthenticatedNotForbidden() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        for (String path : List.of("/api/v1/cases", "/api/v1/tasks/any/claim", "/api/v1/items/" + FOOD + "/process-versions")) {
            var response = rest.exchange(path, HttpMethod.POST, new HttpEntity<>("{}", headers), JsonNode.class);
            assertThat(response.getStatusCode().value()).as(path).isEqualTo(401);
            assertThat(response.getBody().get("code").asText()).isEqualTo("unauthenticated");
        }
    }

    @Test
    void formLoginSharesTheThrottleWithTokenLogin() throws Exception {
        String from = "198.51.100.40";
        for (int i = 0; i < 5; i++) {
            assertThat(login("liuyang", "guess-" + i, from).getHeaders().getLocation().toString()).contains("error");
        }
        var throttled = login("liuyang", PASSWORD, from);
        assertThat(throttled.getStatusCode().value()).isEqualTo(429);
        assertThat(throttled.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(throttled.getBody()).contains("login-throttled");
        Thread.sleep(1100);
        var login = login("liuyang", PASSWORD, from);
        assertThat(login.getStatusCode().value()).isEqualTo(302);
        assertThat(login.getHeaders().getLocation().toString()).doesNotContain("error");
    }

    private org.springframework.http.ResponseEntity<String> login(String user, String password) {
        return login(user, password, null);
    }

    /** Like a browser: fetch the login page (session + CSRF token), then post the form; optionally via a proxy. */
    private org.springframework.http.ResponseEntity<String> login(String user, String password, String forwardedFor) {
        var browser = rest.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
        var page = browser.getForEntity("/login", String.class);
        Matcher token = CSRF.matcher(page.getBody());
        assertThat(token.find()).isTrue();
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", user);
        form.add("password", password);
        form.add("_csrf", token.group(1));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        // the CSRF token lives in the XSRF-TOKEN cookie (the form carries its masked copy); no session before login
        headers.add(HttpHeaders.COOKIE, cookie(page.getHeaders(), "XSRF-TOKEN"));
        if (forwardedFor != null) {
            headers.set("X-Forwarded-For", forwardedFor);
        }
        return browser.exchange("/login", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    @Test
    void theOpenApiDescriptionListsTheApi() {
        JsonNode api = rest.getForObject("/v3/api-docs", JsonNode.class);
        assertThat(api.at("/info/title").asText()).contains("Tongban");
        assertThat(api.get("paths").has("/api/v1/cases")).isTrue();
        assertThat(api.get("paths").has("/api/v1/tasks/{taskId}/complete")).isTrue();
        assertThat(api.get("paths").has("/api/v1/auth/tokens")).isTrue();
        assertThat(api.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(rest.getForEntity("/swagger-ui/index.html", String.class).getStatusCode().value()).isEqualTo(200);
    }

    private static String cookie(HttpHeaders headers) {
        return cookie(headers, "SESSION");
    }

    private static String cookie(HttpHeaders headers, String name) {
        return headers.get(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }
}
