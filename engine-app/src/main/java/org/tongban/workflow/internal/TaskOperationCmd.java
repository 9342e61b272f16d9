package org.tongban.workflow.internal;

import java.util.Optional;
import java.util.function.Consumer;
import org.flowable.common.engine.impl.interceptor.Command;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.tongban.shared.DomainException;
import org.tongban.workflow.WorkTask;

/**
 * An approver operation on one open task that does not complete it (claim, unclaim, transfer, delegate, resolve,
 * take back): reads the task, lets the caller check it and record the operation ({@code check} throws a refusal),
 * then changes the task, all in one command. Two colleagues operating on the same task at once both change its
 * revision: one of them fails on the engine's optimistic lock, its transaction is retried and then sees the
 * other's change (RetryingTransaction). Answers the task as it is afterwards.
 */
public abstract class TaskOperationCmd implements Command<WorkTask> {

    private final String taskId;
    private final Consumer<Optional<WorkTask>> check;

    protected TaskOperationCmd(String taskId, Consumer<Optional<WorkTask>> check) {
        this.taskId = taskId;
        this.check = check;
    }

    public String taskId() {
        return taskId;
    }

    @Override
    public WorkTask execute(CommandContext context) {
        TaskEntity task = CommandContextUtil.getTaskService(context).getTask(taskId);
        try {
            check.accept(Optional.ofNullable(task).map(t -> WorkTaskMapping.of(t, true)));
        } catch (DomainException refusal) {
            throw new CompleteCmd.Refusal(refusal);
        }
        change(CommandContextUtil.getProcessEngineConfiguration(context).getTaskService(), task);
        return WorkTaskMapping.of(CommandContextUtil.getTaskService(context).getTask(taskId), true);
    }

    /** The operation's change to the checked task. */
    protected abstract void change(TaskService tasks, TaskEntity task);
}
