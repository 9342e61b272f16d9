package org.tongban.workflow.internal;

import java.util.List;
import java.util.function.Function;
import org.flowable.common.engine.impl.interceptor.Command;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.tongban.shared.DomainException;
import org.tongban.workflow.WorkTask;

/**
 * 退回: ends the task's step (all instances of a multi-instance step) and opens the earlier step {@code toStep}
 * (all its instances); each new task goes to {@code assignee}'s choice. The caller checked that the step is an
 * earlier one; a task ended meanwhile is 404, a concurrent change of it an optimistic-locking conflict (retried).
 */
public record ReturnCmd(String taskId, String toStep, Function<WorkTask, String> assignee) implements Command<Void> {

    @Override
    public Void execute(CommandContext context) {
        TaskEntity task = CommandContextUtil.getTaskService(context).getTask(taskId);
        if (task == null) {
            throw new CompleteCmd.Refusal(DomainException.notFound("task-not-found", taskId));
        }
        StepMover.move(context, task.getProcessInstanceId(), List.of(task.getTaskDefinitionKey()), toStep, assignee);
        return null;
    }
}
