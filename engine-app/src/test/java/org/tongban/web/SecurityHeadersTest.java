package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.tongban.support.ApiTestBase;

/** Headers that tell browsers how to treat our responses, and the session cookie's attributes. */
class SecurityHeadersTest extends ApiTestBase {

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        for (String path : List.of("/api/v1/items", "/api/v1/cases", "/swagger-ui/index.html", "/login", "/v3/api-docs")) {
            HttpHeaders headers = rest.exchange(path, HttpMethod.GET, null, String.class).getHeaders();
            String csp = headers.getFirst("Content-Security-Policy");
            assertThat(csp).as(path).isEqualTo(SecurityConfig.CONTENT_SECURITY_POLICY)
                    .contains("default-src 'self'", "script-src 'self';", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-eval", "*");
            assertThat(headers.getFirst("Referrer-Policy")).as(path).isEqualTo("same-origin");
            assertThat(headers.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(headers.getFirst("X-Frame-Options")).as(path).isEqualTo("DENY");
        }
        // also on a throttled or refused answer
        var bearer = new HttpHeaders();
        bearer.setBearerAuth("tb_" + "D".repeat(43));
        assertThat(rest.exchange("/api/v1/cases", HttpMethod.GET, new HttpEntity<>(bearer), JsonNode.class)
                .getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void theSessionCookieIsLaxAndHttpOnlyAndSecureBehindHttps() {
        String plain = sessionCookie(new HttpHeaders());
        assertThat(plain).contains("SameSite=Lax", "HttpOnly").doesNotContain("Secure");

        var viaHttpsProxy = new HttpHeaders();
        viaHttpsProxy.set("X-Forwarded-Proto", "https");
        assertThat(sessionCookie(viaHttpsProxy)).contains("SameSite=Lax", "HttpOnly", "Secure");
        assertThat(rest.exchange("/login", HttpMethod.GET, new HttpEntity<>(viaHttpsProxy), String.class)
                .getHeaders().getFirst("Strict-Transport-Security")).contains("max-age=");
    }

    /** The session starts at login (the CSRF token lives in its own cookie, so anonymous pages start none). */
    private String sessionCookie(HttpHeaders request) {
        var page = rest.exchange("/api/v1/me", HttpMethod.GET, new HttpEntity<>(request), String.class);
        String csrf = page.getHeaders().get(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .findFirst().orElseThrow();
        assertThat(csrf).contains("SameSite=Lax").doesNotContain("HttpOnly"); // the web UI's script reads it
        assertThat(csrf.contains("Secure")).isEqualTo("https".equals(request.getFirst("X-Forwarded-Proto")));
        String token = csrf.substring("XSRF-TOKEN=".length(), csrf.indexOf(';'));
        var login = new HttpHeaders();
        login.putAll(request);
        login.setContentType(MediaType.APPLICATION_JSON);
        login.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + token);
        login.set("X-XSRF-TOKEN", token);
        var response = rest.exchange("/api/v1/session", HttpMethod.POST,
                new HttpEntity<>(Map.of("username", "zhoumin", "password", PASSWORD), login), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return response.getHeaders().get(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow();
    }
}
