package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.tongban.support.ApiTestBase;

/**
 * Public lookups and logins are limited per client address. The suite's own loopback traffic is exempt
 * (ApiTestBase); these tests come "through a proxy" from addresses of their own.
 */
class RateLimitTest extends ApiTestBase {

    @Autowired
    RateLimitSettings limits;

    @Test
    void progressLookupsAreLimitedPerClientAddress() {
        String from = "203.0.113.50";
        var limit = limits.publicEndpoints();
        long started = System.nanoTime();
        int served = 0;
        ResponseEntity<JsonNode> limited;
        while ((limited = progress(from, "zh-CN")).getStatusCode().value() == 404 && served < 3 * limit.capacity()) {
            served++;
        }
        // the whole bucket was served, then at most what refilled meanwhile (on a loaded machine 60 lookups can take > 1 s)
        assertThat(served).isBetween(limit.capacity(), limit.capacity() + refilled(limit, started));
        assertThat(limited.getStatusCode().value()).isEqualTo(429);
        assertThat(limited.getHeaders().getContentType().toString()).contains("application/problem+json");
        long retryAfter = Long.parseLong(limited.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, limits.publicEndpoints().period().toSeconds());
        assertThat(limited.getBody().get("code").asText()).isEqualTo("rate-limited");
        assertThat(limited.getBody().get("detail").asText()).isEqualTo("请求过于频繁，请 " + retryAfter + " 秒后再试。");
        assertThat(progress(from, "en").getBody().get("detail").asText()).startsWith("Too many requests; please try again in");
        // another client is not affected
        assertThat(progress("203.0.113.51", "zh-CN").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void tokenRequestsAreLimitedBeforeAnyPasswordIsChecked() {
        String from = "203.0.113.60";
        var headers = new HttpHeaders();
        headers.set("X-Forwarded-For", from);
        var limit = limits.login();
        long started = System.nanoTime();
        int served = 0;
        while (rest.postForEntity("/api/v1/auth/tokens", new HttpEntity<>(Map.of(), headers), JsonNode.class)
                .getStatusCode().value() == 400 && served < 3 * limit.capacity()) {
            served++;
        }
        assertThat(served).isBetween(limit.capacity(), limit.capacity() + refilled(limit, started));
        // over the limit even with the right password: refused before any password check
        var limited = rest.postForEntity("/api/v1/auth/tokens",
                new HttpEntity<>(Map.of("username", "lina", "password", PASSWORD), headers), JsonNode.class);
        assertThat(limited.getStatusCode().value()).isEqualTo(429);
        assertThat(limited.getBody().get("code").asText()).isEqualTo("rate-limited");
        assertThat(limited.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
    }

    @Test
    void licenceVerificationSharesThePublicBucket() {
        String from = "203.0.113.70";
        var headers = new HttpHeaders();
        headers.set("X-Forwarded-For", from);
        var limit = limits.publicEndpoints();
        long started = System.nanoTime();
        int served = 0;
        while (rest.exchange("/api/v1/verification/unknown-token-" + served, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class)
                .getStatusCode().value() == 404 && served < 3 * limit.capacity()) {
            served++;
        }
        assertThat(served).isBetween(limit.capacity(), limit.capacity() + refilled(limit, started));
        // the document check and the progress lookup from the same client are refused too, before any work
        var document = rest.exchange("/api/v1/verification/unknown-token/document", HttpMethod.POST,
                new HttpEntity<>("%PDF-1.7".getBytes(), headers), JsonNode.class);
        assertThat(document.getStatusCode().value()).isEqualTo(429);
        assertThat(document.getBody().get("code").asText()).isEqualTo("rate-limited");
        assertThat(progress(from, "zh-CN").getStatusCode().value()).isEqualTo(429);
    }

    /** Tokens the bucket can have regained since {@code started} (greedy refill: capacity per period), plus one. */
    private static int refilled(RateLimitSettings.Limit limit, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        return (int) Math.ceil(seconds * limit.capacity() / limit.period().toSeconds()) + 1;
    }

    private ResponseEntity<JsonNode> progress(String from, String language) {
        var headers = new HttpHeaders();
        headers.set("X-Forwarded-For", from);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return rest.exchange("/api/v1/progress?caseNumber=TB00000000000000&queryCode=WRONG123", HttpMethod.GET,
                new HttpEntity<>(headers), JsonNode.class);
    }
}
