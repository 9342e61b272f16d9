package org.tongban.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.audit.AuditLog;
import org.tongban.auth.internal.AccessTokenMapper;
import org.tongban.identity.Directory;
import org.tongban.identity.TongbanUser;
import org.tongban.shared.Digests;

/**
 * Opaque bearer tokens for API clients: 256 random bits, shown once, stored only as their SHA-256.
 * Checking one costs a hash and an indexed lookup instead of BCrypt, and a checked token is trusted from
 * memory for a short while ({@code tongban.security.tokens.cache-ttl}). Revoking evicts it here at once;
 * other nodes notice within that time to live. Expiry is checked on every request.
 */
@Service
public class AccessTokens {

    private static final String PREFIX = "tb_";
    private static final Pattern FORMAT = Pattern.compile("tb_[A-Za-z0-9_-]{43}");

    private record Grant(TongbanUser user, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final AccessTokenMapper mapper;
    private final Directory directory;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final AuthSettings.Tokens settings;
    private final Cache<String, Grant> checked;
    /** Revoked here: no concurrent request that read the row before the revocation may cache it again. */
    private final Cache<String, Boolean> revoked;

    AccessTokens(AccessTokenMapper mapper, Directory directory, AuditLog audit, TransactionTemplate tx, AuthSettings settings) {
        this.mapper = mapper;
        this.directory = directory;
        this.audit = audit;
        this.tx = tx;
        this.settings = settings.tokens();
        this.checked = Caffeine.newBuilder().maximumSize(this.settings.cacheSize())
                .expireAfterWrite(this.settings.cacheTtl()).build();
        this.revoked = Caffeine.newBuilder().maximumSize(this.settings.cacheSize())
                .expireAfterWrite(this.settings.cacheTtl().multipliedBy(2)).build();
    }

    public IssuedToken issue(TongbanUser user, String clientAddress) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String hash = hash(token);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(settings.ttl());
        tx.executeWithoutResult(status -> {
            mapper.deleteExpired(user.username(), now);
            mapper.insert(hash, user.username(), now, expiresAt);
            audit.record(user.username(), "token-issued", "token " + hash.substring(0, 12),
                    "from " + clientAddress + ", expires " + expiresAt);
        });
        return new IssuedToken(token, "Bearer", expiresAt, settings.ttl().toSeconds());
    }

    /** The token's user if it is well-formed, known, unexpired, unrevoked and its user still enabled. */
    public Optional<AccessTokenAuthentication> authenticate(String token) {
        if (token == null || !FORMAT.matcher(token).matches()) {
            return Optional.empty();
        }
        String hash = hash(token);
        if (revoked.getIfPresent(hash) != null) {
            return Optional.empty();
        }
        Grant grant = checked.getIfPresent(hash);
        if (grant == null) {
            grant = load(hash);
            if (grant == null) {
                return Optional.empty();
            }
            checked.put(hash, grant);
        }
        if (!Instant.now().isBefore(grant.expiresAt())) {
            checked.invalidate(hash);
            return Optional.empty();
        }
        return Optional.of(new AccessTokenAuthentication(grant.user(), hash));
    }

    private Grant load(String hash) {
        var row = mapper.find(hash);
        if (row == null || row.revokedAt() != null) {
            return null;
        }
        return directory.find(row.username()).filter(TongbanUser::isEnabled)
                .map(user -> new Grant(user, row.expiresAt())).orElse(null);
    }

    public void revoke(AccessTokenAuthentication authentication, String clientAddress) {
        String hash = authentication.tokenHash();
        revoked.put(hash, Boolean.TRUE);
        checked.invalidate(hash);
        tx.executeWithoutResult(status -> {
            mapper.revoke(hash, Instant.now());
            audit.record(authentication.getPrincipal().username(), "token-revoked", "token " + hash.substring(0, 12),
                    "from " + clientAddress);
        });
    }

    private static String hash(String token) {
        return Digests.sha256(token.getBytes(StandardCharsets.US_ASCII));
    }
}
