package org.tongban.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.tongban.shared.ChinaTime;

/**
 * The application's clock in tests: the system's time until a test sets it, so deadlines and "this year" can be
 * tested on fixed dates. {@link #reset()} after use: the context, and so the clock, is shared by the suite.
 */
public class TestClock extends Clock {

    private volatile Instant fixed;

    public void set(Instant instant) {
        fixed = instant;
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ChinaTime.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return fixed == null ? Clock.system(zone) : Clock.fixed(fixed, zone);
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at == null ? Instant.now() : at;
    }

    /**
     * One clock for every application context of the test JVM: the suite caches several contexts (some tests mock a
     * bean), and all of them run engine timers on the same database, so they are nodes that must agree on the time.
     */
    private static final TestClock SHARED = new TestClock();

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return SHARED;
        }
    }
}
