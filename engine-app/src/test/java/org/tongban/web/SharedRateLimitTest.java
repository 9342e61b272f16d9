package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.tongban.cluster.SharedBuckets;
import org.tongban.support.ApiTestBase;

/**
 * Issue 12: a public limit holds across the cluster, not once per node. Two rate-limit filters with memories of
 * their own (two nodes) share the buckets in the database: one address sending to both alternately is served the
 * limit once in all, not twice.
 */
class SharedRateLimitTest extends ApiTestBase {

    @Autowired
    RateLimitSettings settings;
    @Autowired
    ProblemWriter problems;
    @Autowired
    SharedBuckets shared;

    @Test
    void twoNodesServeOneAddressItsLimitOnceInAll() throws Exception {
        var nodes = new RateLimitFilter[] {new RateLimitFilter(settings, problems, shared), new RateLimitFilter(settings, problems, shared)};
        int capacity = settings.publicEndpoints().capacity();
        long started = System.nanoTime();
        int served = 0;
        int refused = 0;
        int[] servedBy = new int[2];
        for (int i = 0; i < 2 * capacity; i++) {
            var request = new MockHttpServletRequest("GET", "/api/v1/progress");
            request.setServletPath("/api/v1/progress");
            request.setRemoteAddr("203.0.113.90"); // as Tomcat's remote-IP valve sets it from the proxy's X-Forwarded-For
            var response = new MockHttpServletResponse();
            var chain = new MockFilterChain();
            nodes[i % 2].doFilter(request, response, chain);
            if (chain.getRequest() != null) {
                served++;
                servedBy[i % 2]++;
            } else {
                assertThat(response.getStatus()).isEqualTo(429);
                assertThat(response.getHeader("Retry-After")).isNotBlank();
                refused++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int refilled = (int) Math.ceil(seconds * capacity / settings.publicEndpoints().period().toSeconds()) + 1;
        assertThat(served).as("served by the two nodes together").isBetween(capacity, capacity + refilled);
        assertThat(refused).isPositive();
        assertThat(servedBy[0]).as("each node served about half").isGreaterThan(capacity / 2 - refilled);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tb_rate_limit_bucket WHERE bucket_key LIKE '%203.0.113.90'", Integer.class))
                .isEqualTo(1);
    }
}
