package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

        // a cookie-authenticated POST without the CSRF token is refused, as a cross-site form would be
        withSession.setContentType(MediaType.APPLICATION_JSON);
        var forged = rest.exchange("/api/v1/tasks/any/claim", HttpMethod.POST, new HttpEntity<>("{}", withSession), JsonNode.class);
        assertThat(forged.getStatusCode().value()).isEqualTo(403);
        assertThat(forged.getBody().get("code").asText()).isEqualTo("forbidden");

        // a wrong password does not log in
        assertThat(login("wangfang", "wrong").getHeaders().getLocation().toString()).contains("error");
    }

    /** Like a browser: fetch the login page (session + CSRF token), then post the form. */
    private org.springframework.http.ResponseEntity<String> login(String user, String password) {
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
        headers.add(HttpHeaders.COOKIE, cookie(page.getHeaders()));
        return browser.exchange("/login", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    @Test
    void theOpenApiDescriptionListsTheApi() {
        JsonNode api = rest.getForObject("/v3/api-docs", JsonNode.class);
        assertThat(api.at("/info/title").asText()).contains("Tongban");
        assertThat(api.get("paths").has("/api/v1/cases")).isTrue();
        assertThat(api.get("paths").has("/api/v1/tasks/{taskId}/complete")).isTrue();
        assertThat(rest.getForEntity("/swagger-ui/index.html", String.class).getStatusCode().value()).isEqualTo(200);
    }

    private static String cookie(HttpHeaders headers) {
        return headers.get(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("JSESSIONID"))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }
}
