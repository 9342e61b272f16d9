package org.tongban.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tongban.security.rate-limits.*}: requests per client address and period (defaults in application.yml).
 *
 * @param publicEndpoints  lookups anyone may make without logging in (progress by case number and query code)
 * @param login            password logins: token requests and the login form
 * @param maxClients       client addresses remembered at most (least recently used forgotten first)
 * @param exemptAddresses  addresses never limited (empty by default; the tests exempt loopback)
 */
@ConfigurationProperties("tongban.security.rate-limits")
record RateLimitSettings(Limit publicEndpoints, Limit login,
                         @DefaultValue("100000") int maxClients,
                         @DefaultValue List<String> exemptAddresses) {

    record Limit(int capacity, Duration period) {
    }
}
