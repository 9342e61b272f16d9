package org.tongban.workflow;

/**
 * What an engine timer scheduled with {@link EngineTimers} does when it fires: run inside the engine's transaction
 * by whichever node's job executor acquired it (one node per timer: the job row is locked and deleted with the
 * same commit). A failure rolls back and Flowable retries the job.
 */
public interface TimerHandler {

    /** The job handler type stored with each timer (ACT_RU_TIMER_JOB.HANDLER_TYPE_); renaming it orphans pending timers. */
    String type();

    void fire(String configuration);
}
