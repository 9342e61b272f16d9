package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.tongban.shared.Digests;
import org.tongban.support.ApiTestBase;

/**
 * API clients: bearer tokens instead of a password on every request, and password guessing held back.
 * Tests that fail logins on purpose send their own X-Forwarded-For address (TEST-NET ranges), so their
 * throttles cannot touch the rest of the suite.
 */
class TokenAuthenticationTest extends ApiTestBase {

    @Test
    void aTokenIsIssuedUsedAndRevokedAndOnlyItsHashIsStored() {
        var issued = rest.postForEntity("/api/v1/auth/tokens", Map.of("username", "lina", "password", PASSWORD), JsonNode.class);
        assertThat(issued.getStatusCode().value()).isEqualTo(201);
        assertThat(issued.getHeaders().getCacheControl()).contains("no-store");
        String token = issued.getBody().get("token").asText();
        assertThat(token).matches("tb_[A-Za-z0-9_-]{43}"); // 32 random bytes
        assertThat(issued.getBody().get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(issued.getBody().get("expiresIn").asLong()).isEqualTo(Duration.ofHours(8).toSeconds());
        assertThat(Instant.parse(issued.getBody().get("expiresAt").asText()))
                .isBetween(Instant.now().plus(Duration.ofHours(8)).minusSeconds(60), Instant.now().plus(Duration.ofHours(8)).plusSeconds(5));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_access_token WHERE token_hash = ? AND username = 'lina'",
                Integer.class, hash(token))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_access_token WHERE token_hash = ?", Integer.class, token)).isZero();

        var client = bearer(token);
        assertThat(client.getForEntity("/api/v1/cases", JsonNode.class).getStatusCode().value()).isEqualTo(200);
        assertThat(client.exchange("/api/v1/auth/tokens/current", HttpMethod.DELETE, null, Void.class).getStatusCode().value())
                .isEqualTo(204);
        var afterRevocation = client.getForEntity("/api/v1/cases", JsonNode.class);
        assertInvalidToken(afterRevocation);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_access_token WHERE token_hash = ? AND revoked_at IS NOT NULL",
                Integer.class, hash(token))).isEqualTo(1);
        String subject = "token " + hash(token).substring(0, 12);
        assertThat(jdbc.queryForList("SELECT action FROM tb_audit_event WHERE actor = 'lina' AND subject = ? ORDER BY id",
                String.class, subject)).containsExactly("token-issued", "token-revoked");
        // the user's other tokens still work
        assertThat(as("lina").getForEntity("/api/v1/cases", JsonNode.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = token("zhangwei", PASSWORD);
        jdbc.update("UPDATE tb_access_token SET expires_at = ? WHERE token_hash = ?",
                Timestamp.from(Instant.now().minusSeconds(5)), hash(token));
        assertInvalidToken(bearer(token).getForEntity("/api/v1/cases", JsonNode.class));
    }

    @Test
    void unknownAndMalformedTokensAreRefusedWithoutFallingBack() {
        assertInvalidToken(bearer("tb_" + "A".repeat(43)).getForEntity("/api/v1/cases", JsonNode.class));
        assertInvalidToken(bearer("not a token").getForEntity("/api/v1/cases", JsonNode.class));
        // a bad token is refused even where no login is needed: the client should learn its token is bad
        assertInvalidToken(bearer("tb_" + "B".repeat(43)).getForEntity("/api/v1/items", JsonNode.class));
        var english = new HttpHeaders();
        english.setBearerAuth("tb_" + "C".repeat(43));
        english.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        var response = rest.exchange("/api/v1/cases", HttpMethod.GET, new HttpEntity<>(english), JsonNode.class);
        assertThat(response.getBody().get("detail").asText()).contains("invalid, expired or revoked");
    }

    @Test
    void basicAuthenticationIsOffByDefault() {
        var basic = rest.withBasicAuth("lina", PASSWORD).getForEntity("/api/v1/cases", JsonNode.class);
        assertThat(basic.getStatusCode().value()).isEqualTo(401);
        assertThat(basic.getBody().get("code").asText()).isEqualTo("unauthenticated");
        // no Basic challenge, so a browser never prompts for and caches a password
        assertThat(basic.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
    }

    @Test
    void revokingNeedsABearerToken() {
        var anonymous = rest.exchange("/api/v1/auth/tokens/current", HttpMethod.DELETE, null, JsonNode.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getBody().get("code").asText()).isEqualTo("unauthenticated");
    }

    @Test
    void badTokenRequestsAreFieldProblems() {
        var response = rest.postForEntity("/api/v1/auth/tokens", Map.of("username", " "), JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("username", "password");
    }

    @Test
    void anUnknownUserFailsExactlyLikeAWrongPassword() {
        String from = "198.51.100.10";
        long wrongPassword = Long.MAX_VALUE;
        long unknownUser = Long.MAX_VALUE;
        JsonNode wrongBody = null;
        JsonNode unknownBody = null;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            var wrong = login("lina", "wrong-password", from);
            wrongPassword = Math.min(wrongPassword, System.nanoTime() - start);
            start = System.nanoTime();
            var unknown = login("nobody-" + i, "wrong-password", from);
            unknownUser = Math.min(unknownUser, System.nanoTime() - start);
            assertThat(wrong.getStatusCode().value()).isEqualTo(401);
            assertThat(unknown.getStatusCode().value()).isEqualTo(401);
            wrongBody = wrong.getBody();
            unknownBody = unknown.getBody();
        }
        assertThat(unknownBody).isEqualTo(wrongBody);
        assertThat(wrongBody.get("code").asText()).isEqualTo("invalid-credentials");
        assertThat(wrongBody.get("detail").asText()).isEqualTo("用户名或密码错误。");
        // both run one BCrypt: an unknown name is not answered measurably faster (fastest of three each)
        assertThat(unknownUser).as("unknown %d ms, wrong password %d ms", unknownUser / 1_000_000, wrongPassword / 1_000_000)
                .isGreaterThan(wrongPassword / 3);
        assertThat(login("lina", PASSWORD, from).getStatusCode().value()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_audit_event WHERE action = 'login-failed' AND actor = 'nobody-0' "
                + "AND subject = 'address 198.51.100.10'", Integer.class)).isEqualTo(1);
    }

    @Test
    void wrongPasswordsThrottleTheAccountWithGrowingWaitsAndTheRightOneIsRefusedMeanwhile() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(login("zhoumin", "guess-" + i, "198.51.100.20").getStatusCode().value()).isEqualTo(401);
        }
        var refused = login("zhoumin", PASSWORD, "198.51.100.20");
        assertThrottled(refused, 1);
        // the account is held back whatever address the next try comes from
        var elsewhere = login("zhoumin", PASSWORD, "198.51.100.21");
        assertThrottled(elsewhere, 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_audit_event WHERE action = 'login-throttled' AND actor = 'zhoumin'",
                Integer.class)).isEqualTo(1);

        Thread.sleep(1100);
        assertThat(login("zhoumin", "guess-5", "198.51.100.20").getStatusCode().value()).isEqualTo(401);
        assertThrottled(login("zhoumin", PASSWORD, "198.51.100.20"), 2); // the wait doubled

        Thread.sleep(2100);
        assertThat(login("zhoumin", PASSWORD, "198.51.100.20").getStatusCode().value()).isEqualTo(201);
        // a right password starts the account afresh
        assertThat(login("zhoumin", "guess-6", "198.51.100.20").getStatusCode().value()).isEqualTo(401);
        assertThat(login("zhoumin", PASSWORD, "198.51.100.20").getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void parallelGuessesCannotOvertakeTheThrottle() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            var guesses = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 16; i++) {
                String from = "198.51.100." + (100 + i);
                String guess = "parallel-guess-" + i;
                guesses.add(() -> login("sunqiang", guess, from).getStatusCode().value());
            }
            List<Integer> statuses = new ArrayList<>();
            for (var result : pool.invokeAll(guesses)) {
                statuses.add(result.get());
            }
            assertThat(statuses.stream().filter(s -> s == 401).count()).isEqualTo(5);
            assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(11);
        } finally {
            pool.shutdown();
        }
        Thread.sleep(1100); // leave the account as other tests expect it
        assertThat(login("sunqiang", PASSWORD, "198.51.100.99").getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void parallelLoginsWithTheRightPasswordAreQueuedNotRefused() throws Exception {
        var pool = Executors.newFixedThreadPool(10);
        try {
            var logins = new ArrayList<Callable<Integer>>();
            for (int i = 0; i < 10; i++) {
                logins.add(() -> login("admin", PASSWORD, "198.51.100.70").getStatusCode().value());
            }
            for (var result : pool.invokeAll(logins)) {
                assertThat(result.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void guessesFromOneAddressThrottleThatAddress() {
        String from = "203.0.113.7";
        for (int i = 0; i < 10; i++) { // other accounts each time: only the address count grows
            assertThat(login("spray-" + i, PASSWORD, from).getStatusCode().value()).isEqualTo(401);
        }
        assertThrottled(login("lina", PASSWORD, from), 1);
        assertThat(login("lina", PASSWORD, "203.0.113.8").getStatusCode().value()).isEqualTo(201);
    }

    private ResponseEntity<JsonNode> login(String user, String password, String from) {
        var headers = new HttpHeaders();
        headers.set("X-Forwarded-For", from);
        return rest.postForEntity("/api/v1/auth/tokens",
                new HttpEntity<>(Map.of("username", user, "password", password), headers), JsonNode.class);
    }

    private static void assertThrottled(ResponseEntity<JsonNode> response, long seconds) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(429);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(String.valueOf(seconds));
        assertThat(response.getBody().get("code").asText()).isEqualTo("login-throttled");
        assertThat(response.getBody().get("detail").asText()).isEqualTo("登录失败次数过多，请 " + seconds + " 秒后再试。");
    }

    private static void assertInvalidToken(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("error=\"invalid_token\"");
        assertThat(response.getBody().get("code").asText()).isEqualTo("invalid-token");
    }

    private static String hash(String token) {
        return Digests.sha256(token.getBytes(StandardCharsets.US_ASCII));
    }
}
