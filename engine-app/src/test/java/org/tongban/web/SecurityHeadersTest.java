package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
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

    private String sessionCookie(HttpHeaders request) {
        var response = rest.exchange("/login", HttpMethod.GET, new HttpEntity<>(request), String.class);
        return response.getHeaders().get(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("JSESSIONID"))
                .findFirst().orElseThrow();
    }
}
