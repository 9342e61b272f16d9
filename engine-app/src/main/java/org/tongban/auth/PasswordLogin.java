package org.tongban.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import java.util.Locale;
import org.tongban.audit.AuditLog;
import org.tongban.cluster.SharedBuckets;
import org.tongban.auth.internal.LoginThrottle;
import org.tongban.identity.Directory;
import org.tongban.identity.TongbanUser;

/**
 * The one place passwords are checked (token requests, form login, and HTTP Basic when enabled).
 * Throttled tries are refused before BCrypt runs. Unknown and disabled accounts cost one BCrypt against a
 * dummy hash and fail exactly like a wrong password, so neither answer nor timing tells which accounts exist.
 */
@Component
public class PasswordLogin implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(PasswordLogin.class);
    private static final int MAX_USERNAME = 64;
    private static final int MAX_PASSWORD = 128;

    private final Directory directory;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final String dummyHash;
    private final SharedBuckets shared;
    private final int failuresPerHour;

    PasswordLogin(Directory directory, PasswordEncoder passwords, AuthSettings settings, AuditLog audit, TransactionTemplate tx,
                  SharedBuckets shared) {
        this.shared = shared;
        this.failuresPerHour = settings.login().accountFailuresPerHour();
        this.directory = directory;
        this.passwords = passwords;
        this.throttle = new LoginThrottle(settings.login());
        this.audit = audit;
        this.tx = tx;
        this.dummyHash = passwords.encode(UUID.randomUUID().toString());
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = String.valueOf(request.getPrincipal());
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        String address = request.getDetails() instanceof WebAuthenticationDetails web
                ? ClientAddress.of(web.getRemoteAddress()) : "unknown";
        Duration wait = throttle.tryAcquire(username, address);
        if (!wait.isZero()) {
            throw new LoginThrottledException(wait);
        }
        boolean answered = false;
        try {
            Duration clusterWait = clusterWait(username);
            if (!clusterWait.isZero()) {
                throw new LoginThrottledException(clusterWait);
            }
            // Over-long input never reaches BCrypt (which ignores bytes past 72 anyway) but costs the same.
            boolean plausible = username.length() <= MAX_USERNAME && password.length() <= MAX_PASSWORD;
            Optional<TongbanUser> user = plausible ? directory.find(username) : Optional.empty();
            boolean matches = passwords.matches(plausible ? password : "", user.map(TongbanUser::passwordHash).orElse(dummyHash));
            answered = true;
            if (user.isPresent() && matches && user.get().isEnabled()) {
                throttle.succeeded(username);
                return UsernamePasswordAuthenticationToken.authenticated(user.get().withoutPassword(), null, user.get().getAuthorities());
            }
        } finally {
            if (!answered) {
                throttle.abandoned(username);
            }
        }
        failed(username, address);
        throw new BadCredentialsException("bad credentials");
    }

    /** Zero, or how long until the account may fail again across all nodes. */
    private Duration clusterWait(String username) {
        try {
            var probe = accountFailures(username).estimateAbilityToConsume(1);
            return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()).plusSeconds(1);
        } catch (RuntimeException databaseDown) { // this node's back-off still applies
            log.warn("Shared login failure count unavailable: {}", databaseDown.toString());
            return Duration.ZERO;
        }
    }

    private BucketProxy accountFailures(String username) {
        String key = username.strip().toLowerCase(Locale.ROOT); // MariaDB compares usernames case-insensitively
        return shared.bucket("login-failures " + (key.length() > MAX_USERNAME ? key.substring(0, MAX_USERNAME) : key),
                () -> BucketConfiguration.builder().addLimit(Bandwidth.builder().capacity(failuresPerHour)
                        .refillGreedy(failuresPerHour, Duration.ofHours(1)).build()).build());
    }

    private void failed(String username, String address) {
        Duration lockout = throttle.failed(username, address);
        try {
            accountFailures(username).tryConsume(1);
        } catch (RuntimeException databaseDown) {
            log.warn("Could not count a failed login of {} across nodes: {}", username, databaseDown.toString());
        }
        String actor = username.length() > MAX_USERNAME ? username.substring(0, MAX_USERNAME) : username;
        try {
            tx.executeWithoutResult(status -> {
                audit.record(actor, "login-failed", "address " + address, null);
                if (!lockout.isZero()) {
                    audit.record(actor, "login-throttled", "address " + address,
                            "further tries of this account or address refused for " + lockout.toSeconds() + " s");
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not audit a failed login of {} from {}: {}", actor, address, e.toString());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
