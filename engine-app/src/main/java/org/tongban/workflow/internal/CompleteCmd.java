package org.tongban.workflow.internal;

import java.util.Optional;
import java.util.function.Function;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.impl.interceptor.Command;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.tongban.shared.DomainException;
import org.tongban.workflow.WorkTask;
import org.tongban.workflow.WorkTasks.Completion;

/**
 * 办理: reads the open task, lets the caller decide on it (who may work it, the domain effects, the outcome
 * variables; a refusal is thrown), then completes it, all in one command: the engine reads the task and its
 * candidate links once (the completion re-uses them from the command's entity cache) and flushes once. The task
 * row is locked first ({@link TaskLockMapper#lockTask}).
 */
public record CompleteCmd(String taskId, Function<Optional<WorkTask>, Completion> decide, TaskLockMapper locks)
        implements Command<Void> {

    @Override
    public Void execute(CommandContext context) {
        // First lock the task row: a withdrawal (or return, recall) ending the process at the same moment would
        // otherwise remove the variables this completion is about to read (a 500 instead of a 404).
        TaskEntity task = locks.lockTask(taskId) == null ? null : CommandContextUtil.getTaskService(context).getTask(taskId);
        Completion completion;
        try {
            completion = decide.apply(Optional.ofNullable(task).map(t -> WorkTaskMapping.of(t, true)));
        } catch (DomainException refusal) {
            throw new Refusal(refusal);
        }
        TaskService tasks = CommandContextUtil.getProcessEngineConfiguration(context).getTaskService();
        if (completion.verdict() != null) {
            // read by the countersign bean when the completion condition is evaluated in this same command
            context.addAttribute(CountersignBean.VERDICT, completion.verdict());
        }
        tasks.complete(taskId, completion.variables());
        return null;
    }

    /**
     * A refusal by {@code decide} on its way out of the engine. Flowable logs any exception leaving a command at
     * ERROR with its stack trace, except its own ones not marked as logged: a refused request (400, 404, 409) is
     * an answer, not an engine error. {@code WorkTasks.complete} unwraps it.
     */
    public static final class Refusal extends FlowableException {

        private final DomainException refusal;

        public Refusal(DomainException refusal) {
            super(refusal.getMessage());
            this.refusal = refusal;
        }

        public DomainException refusal() {
            return refusal;
        }
    }
}
