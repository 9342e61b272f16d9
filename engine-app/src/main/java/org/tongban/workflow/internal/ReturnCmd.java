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
 * earlier one. The instance's open task rows are locked first ({@link TaskLockMapper}): a task ended meanwhile is
 * 404, one claimed by someone other than {@code user} 409, and a claim or completion racing the return waits and
 * then finds its task gone.
 */
public record ReturnCmd(String taskId, String user, String toStep, Function<WorkTask, String> assignee,
                        TaskLockMapper locks) implements Command<Void> {

    @Override
    public Void execute(CommandContext context) {
        TaskEntity task = CommandContextUtil.getTaskService(context).getTask(taskId);
        var open = task == null ? List.<TaskLockMapper.LockedTask>of() : locks.lockOpenTasks(task.getProcessInstanceId());
        var locked = open.stream().filter(t -> t.id().equals(taskId)).findFirst().orElse(null);
        if (locked == null) {
            throw new CompleteCmd.Refusal(DomainException.notFound("task-not-found", taskId));
        }
        if (locked.assignee() != null && !locked.assignee().equals(user)) {
            throw new CompleteCmd.Refusal(DomainException.conflict("task-claimed-by-other", taskId));
        }
        // a return ends every instance of a multi-instance step: not while another department's approver holds
        // or has delegated theirs (their work would vanish under them)
        var siblings = CommandContextUtil.getTaskService(context).findTasksByProcessInstanceId(task.getProcessInstanceId())
                .stream().filter(t -> task.getTaskDefinitionKey().equals(t.getTaskDefinitionKey()) && !t.getId().equals(taskId))
                .map(TaskEntity::getId).collect(java.util.stream.Collectors.toSet());
        if (open.stream().anyMatch(t -> siblings.contains(t.id()) && (t.delegation() != null || t.assignee() != null))) {
            throw new CompleteCmd.Refusal(DomainException.conflict("return-others-working", taskId));
        }
        StepMover.move(context, task.getProcessInstanceId(), List.of(task.getTaskDefinitionKey()), toStep, assignee);
        return null;
    }
}
