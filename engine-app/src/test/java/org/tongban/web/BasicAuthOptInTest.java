package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.tongban.support.ApiTestBase;

/** With {@code tongban.security.basic-auth-enabled=true}, scripts may send a password on each request. */
@TestPropertySource(properties = "tongban.security.basic-auth-enabled=true")
class BasicAuthOptInTest extends ApiTestBase {

    @Test
    void basicWorksWhenEnabledAndNeedsNoCsrfToken() {
        TestRestTemplate script = rest.withBasicAuth("wangfang", PASSWORD);
        assertThat(script.getForEntity("/api/v1/tasks", JsonNode.class).getStatusCode().value()).isEqualTo(200);
        // its own credentials prove the request: no CSRF token needed (404: no such task, not 403)
        var claim = script.postForEntity("/api/v1/tasks/no-such-task/claim", null, JsonNode.class);
        assertThat(claim.getStatusCode().value()).isEqualTo(404);

        var wrong = rest.withBasicAuth("wangfang", "wrong").getForEntity("/api/v1/tasks", JsonNode.class);
        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        assertThat(wrong.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
    }

    @Test
    void basicGuessesAreThrottledLikeAnyOtherLogin() throws Exception {
        String from = "198.51.100.60";
        for (int i = 0; i < 5; i++) {
            assertThat(basic("zhaolei", "guess-" + i, from).getStatusCode().value()).isEqualTo(401);
        }
        var throttled = basic("zhaolei", PASSWORD, from);
        assertThat(throttled.getStatusCode().value()).isEqualTo(429);
        assertThat(throttled.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(throttled.getBody().get("code").asText()).isEqualTo("login-throttled");
        Thread.sleep(1100);
        assertThat(basic("zhaolei", PASSWORD, from).getStatusCode().value()).isEqualTo(200);
    }

    private ResponseEntity<JsonNode> basic(String user, String password, String from) {
        var headers = new HttpHeaders();
        headers.setBasicAuth(user, password);
        headers.set("X-Forwarded-For", from);
        return rest.exchange("/api/v1/tasks", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }
}
