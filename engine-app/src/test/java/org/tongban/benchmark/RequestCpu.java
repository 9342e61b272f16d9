package org.tongban.benchmark;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The server's CPU per kind of request (method and path with ids blanked), measured on the request's thread
 * around the whole filter chain — security, MVC, JSON, service and SQL — for the benchmark only.
 */
@TestConfiguration
class RequestCpu {

    static final Map<String, LongAdder[]> BY_KIND = new ConcurrentHashMap<>();

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestCpuFilter() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                long cpu = ThreadCpu.currentThread();
                try {
                    chain.doFilter(request, response);
                } finally {
                    String kind = request.getMethod() + " " + request.getRequestURI()
                            .replaceAll("/TB[0-9]+", "/{case}").replaceAll("/[0-9a-f-]{8,}", "/{id}") + " " + response.getStatus();
                    LongAdder[] sums = BY_KIND.computeIfAbsent(kind, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
                    sums[0].increment();
                    sums[1].add(ThreadCpu.currentThread() - cpu);
                }
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static void reset() {
        BY_KIND.clear();
    }

    /** Requests and CPU per case for each kind, sorted by path. */
    static void print(int cases) {
        new TreeMap<>(BY_KIND).forEach((kind, sums) -> System.out.printf(
                "BENCHMARK server CPU %-48s %5.2f requests/case  %6.2f ms/request  %6.1f ms/case%n", kind,
                sums[0].doubleValue() / cases, sums[1].doubleValue() / 1e6 / sums[0].doubleValue(), sums[1].doubleValue() / 1e6 / cases));
    }
}
