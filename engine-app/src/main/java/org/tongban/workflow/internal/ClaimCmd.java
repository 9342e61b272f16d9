package org.tongban.workflow.internal;

import org.flowable.common.engine.impl.interceptor.Command;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.tongban.shared.DomainException;

/**
 * 签收: the approver takes the task, so colleagues see it is being worked. The task row is locked first: a task
 * ended meanwhile (completed, returned, recalled, withdrawn) is 404, one a colleague claimed meanwhile 409.
 */
public record ClaimCmd(String taskId, String username, TaskLockMapper locks) implements Command<Void> {

    @Override
    public Void execute(CommandContext context) {
        TaskEntity task = locks.lockTask(taskId) == null ? null : CommandContextUtil.getTaskService(context).getTask(taskId);
        if (task == null) {
            throw new CompleteCmd.Refusal(DomainException.notFound("task-not-found", taskId));
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(username)) {
            throw new CompleteCmd.Refusal(DomainException.conflict("task-claimed-by-other", taskId));
        }
        if (task.getAssignee() == null) {
            CommandContextUtil.getProcessEngineConfiguration(context).getTaskService().claim(taskId, username);
        }
        return null;
    }
}
