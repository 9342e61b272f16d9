package org.tongban.cases.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.identity.Actor;
import org.tongban.shared.Digests;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;
import org.tongban.workflow.TransientConflicts;

/**
 * {@code Idempotency-Key} on submission and resubmission: the first successful response per (user, key) is
 * stored in the same transaction as the case it created and replayed, for 24 hours, to every retry with the
 * same key and the same request. The key's row is inserted before the work, so a concurrent retry blocks on
 * the primary key until the first commits, then replays it: one key never makes two cases. Failed requests
 * store nothing and may be retried with the same key.
 */
@Component
class IdempotentRequests {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final Duration RETENTION = Duration.ofHours(24);
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");
    private static final int MAX_ATTEMPTS = 100;
    private static final long WAIT_MILLIS = 100;

    private final IdempotencyMapper mapper;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    IdempotentRequests(IdempotencyMapper mapper, TransactionTemplate tx, ObjectMapper json) {
        this.mapper = mapper;
        this.tx = tx;
        this.json = json;
    }

    /** The request's key; null when absent; a field problem when malformed or sent twice. */
    static String keyOf(HttpServletRequest request) {
        List<String> values;
        try {
            values = Collections.list(request.getHeaders(HEADER));
        } catch (RequestRejectedException nonAsciiValue) { // the security firewall's check, made as the header is read
            throw DomainException.invalid(FieldProblem.of(HEADER, "idempotency-key-format"));
        }
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1 || !VALID_KEY.matcher(values.get(0)).matches()) {
            throw DomainException.invalid(FieldProblem.of(HEADER, "idempotency-key-format"));
        }
        return values.get(0);
    }

    /**
     * Runs {@code work} once per (user, key). {@code endpoint} names the route (a template, so its length is
     * ours); {@code fingerprint} identifies the request on it (path variables and content), so the same key with
     * another request is refused (422). Without a key the work simply runs.
     */
    <T> ResponseEntity<T> once(Actor user, String key, String endpoint, Supplier<String> fingerprint, HttpStatus status,
                               Class<T> type, Supplier<T> work) {
        return once(user, key, endpoint, fingerprint, status, type, work, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /**
     * As above, for a response holding a secret that must not be stored in clear: {@code stored} strips it before
     * the response is kept, {@code replayed} puts a fresh one into the replay (inside the replay's transaction).
     */
    <T> ResponseEntity<T> once(Actor user, String key, String endpoint, Supplier<String> fingerprint, HttpStatus status,
                               Class<T> type, Supplier<T> work, UnaryOperator<T> stored, UnaryOperator<T> replayed) {
        if (key == null) {
            return ResponseEntity.status(status).body(work.get());
        }
        String keyHash = Digests.sha256(key.getBytes(StandardCharsets.US_ASCII));
        String requestHash = Digests.sha256((endpoint + "\n" + fingerprint.get()).getBytes(StandardCharsets.UTF_8));
        mapper.purgeBefore(Instant.now().minus(RETENTION));
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(s -> {
                    Instant now = Instant.now();
                    mapper.purgeKeyBefore(user.username(), keyHash, now.minus(RETENTION));
                    IdempotencyMapper.Stored first = mapper.find(user.username(), keyHash);
                    if (first != null) {
                        ResponseEntity<T> replay = replay(first, endpoint, requestHash, type);
                        return ResponseEntity.status(replay.getStatusCode()).headers(replay.getHeaders())
                                .body(replayed.apply(replay.getBody()));
                    }
                    mapper.claim(user.username(), keyHash, endpoint, requestHash, now);
                    T result = work.get();
                    mapper.complete(user.username(), keyHash, status.value(), toJson(stored.apply(result)));
                    return ResponseEntity.status(status).body(result);
                });
            } catch (RuntimeException e) {
                // A concurrent request with this key holds it (or just committed it): wait, then replay.
                if (!(e instanceof DuplicateKeyException) && !TransientConflicts.isTransient(e)) {
                    throw e;
                }
                if (attempt >= MAX_ATTEMPTS) {
                    throw DomainException.conflict("idempotency-key-in-use");
                }
                pause();
            }
        }
    }

    private <T> ResponseEntity<T> replay(IdempotencyMapper.Stored first, String endpoint, String requestHash, Class<T> type) {
        if (!first.endpoint().equals(endpoint) || !first.requestHash().equals(requestHash)) {
            throw DomainException.of(DomainException.Kind.UNPROCESSABLE, "idempotency-key-reused");
        }
        if (first.statusCode() == null) {
            throw DomainException.conflict("idempotency-key-in-use");
        }
        try {
            return ResponseEntity.status(first.statusCode()).header(REPLAYED, "true")
                    .body(json.readValue(first.responseBody(), type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored response is not a " + type.getSimpleName(), e);
        }
    }

    private String toJson(Object result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw DomainException.conflict("idempotency-key-in-use");
        }
    }
}
