package org.tongban.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongban.auth.ClientAddress;
import org.tongban.cluster.SharedBuckets;

/**
 * Token buckets (Bucket4j) per client address for what anyone can call: public lookups and password
 * logins. Each address has two buckets of the same size: one in this node's memory, in a cache bounded by
 * {@code max-clients} (a flood of addresses cannot grow it; an evicted bucket would have refilled anyway), and one
 * shared by every node in the database ({@link SharedBuckets}), so the limit holds across the cluster and not once
 * per node. The node's own bucket goes first: a refusal costs no database work, so one address can make a node
 * touch the database at most its limit's worth of times a period. Over the limit: 429 problem JSON with
 * {@code Retry-After}. Should the shared bucket fail (the database), the node's own limit still applies.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private record Rule(String name, List<RequestMatcher> requests, RateLimitSettings.Limit limit) {
    }

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final List<Rule> rules;
    private final Set<String> exempt;
    private final Cache<String, Bucket> buckets;
    private final ProblemWriter problems;
    private final SharedBuckets shared;

    RateLimitFilter(RateLimitSettings settings, ProblemWriter problems, SharedBuckets shared) {
        this.shared = shared;
        var paths = PathPatternRequestMatcher.withDefaults();
        this.rules = List.of(
                new Rule("public", List.of(paths.matcher(HttpMethod.GET, "/api/v1/progress"),
                        paths.matcher(HttpMethod.GET, "/api/v1/items/*/deadlines"),
                        paths.matcher(HttpMethod.GET, "/api/v1/ratings/summary"),
                        paths.matcher(HttpMethod.GET, "/api/v1/disclosure"),
                        paths.matcher(HttpMethod.GET, "/api/v1/verification/*"),
                        paths.matcher(HttpMethod.POST, "/api/v1/verification/*/document")), settings.publicEndpoints()),
                new Rule("login", List.of(paths.matcher(HttpMethod.POST, TokenController.PATH),
                        paths.matcher(HttpMethod.POST, "/login"),
                        paths.matcher(HttpMethod.POST, SessionController.PATH)), settings.login()));
        this.exempt = Set.copyOf(settings.exemptAddresses());
        Duration longest = rules.stream().map(r -> r.limit().period()).max(Duration::compareTo).orElseThrow();
        this.buckets = Caffeine.newBuilder().maximumSize(settings.maxClients()).expireAfterAccess(longest).build();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Rule rule = rules.stream().filter(r -> r.requests().stream().anyMatch(m -> m.matches(request))).findFirst().orElse(null);
        if (rule == null || exempt.contains(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        String key = rule.name() + " " + ClientAddress.of(request);
        var probe = buckets.get(key, k -> newBucket(rule.limit())).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            probe = sharedProbe(key, rule.limit());
        }
        if (probe == null || probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        problems.tooManyRequests(request, response, "rate-limited", seconds);
    }

    private static Bucket newBucket(RateLimitSettings.Limit limit) {
        return Bucket.builder().addLimit(bandwidth(limit)).build();
    }

    private static io.github.bucket4j.Bandwidth bandwidth(RateLimitSettings.Limit limit) {
        return io.github.bucket4j.Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build();
    }

    /** The cluster's bucket for the key; null when the database cannot answer (the node's own limit then stands). */
    private io.github.bucket4j.ConsumptionProbe sharedProbe(String key, RateLimitSettings.Limit limit) {
        try {
            return shared.bucket("rate " + key, () -> io.github.bucket4j.BucketConfiguration.builder().addLimit(bandwidth(limit)).build())
                    .tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException databaseDown) {
            log.warn("Shared rate limit unavailable, this node's limit applies: {}", databaseDown.toString());
            return null;
        }
    }
}
