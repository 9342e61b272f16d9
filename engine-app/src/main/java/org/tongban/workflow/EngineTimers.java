package org.tongban.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.flowable.engine.ManagementService;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.job.api.Job;
import org.flowable.job.service.impl.persistence.entity.JobEntity;
import org.flowable.job.service.impl.persistence.entity.TimerJobEntity;
import org.springframework.stereotype.Service;

/**
 * Timers kept by the engine (ACT_RU_TIMER_JOB), not by a node's memory: they survive restarts, and with several
 * nodes on one database each fires on exactly one of them (Flowable locks the job row when it acquires it). Used for
 * deadline warnings; the engine's clock is the platform's {@link java.time.Clock}, so tests move time for both.
 */
@Service
public class EngineTimers {

    static final int RETRIES = 3;
    /** Flowable's handler type of every timer of ours (ACT_RU_TIMER_JOB.HANDLER_TYPE_); the configuration names ours. */
    public static final String JOB_HANDLER = "tongban-timer";

    private final ManagementService engine;

    EngineTimers(ManagementService engine) {
        this.engine = engine;
    }

    /**
     * Schedules the {@code type} timer with {@code configuration} at {@code due}, replacing one with the same type and
     * configuration that is still pending (one timer per purpose, moved when the deadline moves). Joins the caller's
     * transaction.
     */
    public void schedule(String type, String configuration, Instant due) {
        engine.executeCommand(context -> {
            for (Job pending : pending(type, configuration)) {
                if (pending.getDuedate() != null && pending.getDuedate().toInstant().equals(due)) {
                    return null; // already there
                }
                engine.deleteTimerJob(pending.getId());
            }
            insert(context, type, configuration, due);
            return null;
        });
    }

    /** Adds a timer whose configuration is new (e.g. names a task just created): no pending one to look for. */
    public void add(String type, String configuration, Instant due) {
        engine.executeCommand(context -> {
            insert(context, type, configuration, due);
            return null;
        });
    }

    private static void insert(org.flowable.common.engine.impl.interceptor.CommandContext context, String type,
                               String configuration, Instant due) {
        if (type.indexOf(':') >= 0 || type.length() + configuration.length() > 254) {
            throw new IllegalArgumentException("a timer type has no colon; type and configuration fit 255 characters");
        }
        String key = type + ":" + configuration;
        var timers = CommandContextUtil.getTimerJobService(context);
        TimerJobEntity timer = timers.createTimerJob();
        timer.setJobType(JobEntity.JOB_TYPE_TIMER);
        timer.setJobHandlerType(JOB_HANDLER);
        timer.setJobHandlerConfiguration(key);
        timer.setElementId(key); // the timer query filters on it; it names no BPMN element
        timer.setDuedate(Date.from(due));
        timer.setRetries(RETRIES);
        timer.setExclusive(false);
        timers.scheduleTimerJob(timer);
    }

    /** Cancels the pending {@code type} timer with {@code configuration}, if any. */
    public void cancel(String type, String configuration) {
        engine.executeCommand(context -> {
            pending(type, configuration).forEach(job -> engine.deleteTimerJob(job.getId()));
            return null;
        });
    }

    /** Due time of the pending timer (null if none): for tests and operators. */
    public Instant due(String type, String configuration) {
        return pending(type, configuration).stream().map(j -> j.getDuedate().toInstant()).findFirst().orElse(null);
    }

    private List<Job> pending(String type, String configuration) {
        return engine.createTimerJobQuery().handlerType(JOB_HANDLER).elementId(type + ":" + configuration).list();
    }
}
