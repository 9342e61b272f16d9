package org.tongban.support;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;

/**
 * Counts the SQL statements prepared through MyBatis: ours and the engine's (Flowable runs on MyBatis too).
 * Installed once per configuration; the count is global, so callers take the least of a few readings.
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
public final class StatementCounter implements Interceptor {

    private static final AtomicLong PREPARED = new AtomicLong();

    public static void installOn(Configuration... configurations) {
        for (Configuration configuration : configurations) {
            if (configuration.getInterceptors().stream().noneMatch(StatementCounter.class::isInstance)) {
                configuration.addInterceptor(new StatementCounter());
            }
        }
    }

    public static long prepared() {
        return PREPARED.get();
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        PREPARED.incrementAndGet();
        return invocation.proceed();
    }
}
