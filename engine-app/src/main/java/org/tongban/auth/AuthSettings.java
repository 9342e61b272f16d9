package org.tongban.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tongban.security.*}: how clients authenticate (docs/security.md).
 *
 * @param basicAuthEnabled HTTP Basic for scripts; off by default because every Basic request runs BCrypt
 * @param tokens           bearer tokens: lifetime, and how long a checked token is trusted from memory
 * @param login            back-off after failed password logins, per account and per client address
 */
@ConfigurationProperties("tongban.security")
public record AuthSettings(@DefaultValue("false") boolean basicAuthEnabled,
                           @DefaultValue Tokens tokens,
                           @DefaultValue Login login) {

    public record Tokens(@DefaultValue("8h") Duration ttl, @DefaultValue("60s") Duration cacheTtl,
                         @DefaultValue("10000") int cacheSize) {
    }

    /**
     * The n-th failure in a row ({@code n >= freeFailures}) makes that account or address wait
     * {@code baseDelay * 2^(n - freeFailures)}, at most {@code maxDelay}; counts are forgotten
     * {@code forgetAfter} the last failure. At most {@code maxTracked} accounts and addresses are kept. That back-off
     * is each node's; across all nodes an account has at most {@code accountFailuresPerHour} failures an hour (a
     * bucket in the database), so more nodes do not buy more guesses.
     */
    public record Login(@DefaultValue("5") int accountFreeFailures, @DefaultValue("10") int addressFreeFailures,
                        @DefaultValue("1s") Duration baseDelay, @DefaultValue("15m") Duration maxDelay,
                        @DefaultValue("1h") Duration forgetAfter, @DefaultValue("100000") int maxTracked,
                        @DefaultValue("20") int accountFailuresPerHour) {
    }
}
