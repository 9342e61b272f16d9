package org.tongban.workflow.internal;

import java.time.Clock;
import java.util.Calendar;
import java.util.Date;
import java.util.TimeZone;
import org.flowable.job.service.JobHandler;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.tongban.workflow.EngineTimers;
import org.tongban.workflow.TimerHandler;

/**
 * The engine's time is the platform's {@link Clock} (so timers fall due when tests move the clock), and our
 * {@link TimerHandler}s are registered as Flowable job handlers.
 */
@Component
class EngineTime implements EngineConfigurationConfigurer<SpringProcessEngineConfiguration> {

    private final Clock clock;
    private final ObjectProvider<TimerHandler> handlers;

    EngineTime(Clock clock, ObjectProvider<TimerHandler> handlers) {
        this.clock = clock;
        this.handlers = handlers;
    }

    @Override
    public void configure(SpringProcessEngineConfiguration engine) {
        engine.setClock(new PlatformClock(clock));
        var custom = engine.getCustomJobHandlers() == null ? new java.util.ArrayList<JobHandler>()
                : new java.util.ArrayList<>(engine.getCustomJobHandlers());
        custom.add(new Relay(handlers));
        engine.setCustomJobHandlers(custom);
    }

    /**
     * The one Flowable job handler of our timers: the job's element id is "{@code <TimerHandler.type()>:<configuration>}".
     * Handlers are looked up when a timer fires, not when the engine is built (they use the engine themselves).
     */
    private record Relay(ObjectProvider<TimerHandler> handlers) implements JobHandler {
        @Override
        public String getType() {
            return EngineTimers.JOB_HANDLER;
        }

        @Override
        public void execute(org.flowable.job.service.impl.persistence.entity.JobEntity job, String configuration,
                            org.flowable.variable.api.delegate.VariableScope scope,
                            org.flowable.common.engine.impl.interceptor.CommandContext context) {
            int colon = configuration.indexOf(':');
            String type = configuration.substring(0, colon);
            TimerHandler handler = handlers.orderedStream().filter(h -> h.type().equals(type)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no timer handler of type " + type));
            handler.fire(configuration.substring(colon + 1));
        }
    }

    /** Flowable's clock reading ours; setting it is refused (move the platform clock instead). */
    private record PlatformClock(Clock clock) implements org.flowable.common.engine.impl.runtime.Clock {
        @Override
        public Date getCurrentTime() {
            return Date.from(clock.instant());
        }

        @Override
        public Calendar getCurrentCalendar() {
            return getCurrentCalendar(getCurrentTimeZone());
        }

        @Override
        public Calendar getCurrentCalendar(TimeZone timeZone) {
            Calendar calendar = Calendar.getInstance(timeZone);
            calendar.setTime(getCurrentTime());
            return calendar;
        }

        @Override
        public TimeZone getCurrentTimeZone() {
            return TimeZone.getTimeZone(clock.getZone());
        }

        @Override
        public void setCurrentTime(Date currentTime) {
            throw new UnsupportedOperationException("the engine reads the platform clock");
        }

        @Override
        public void setCurrentCalendar(Calendar currentTime) {
            throw new UnsupportedOperationException("the engine reads the platform clock");
        }

        @Override
        public void reset() {
            // nothing to reset: the platform clock is the time
        }
    }
}
