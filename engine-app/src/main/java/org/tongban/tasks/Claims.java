package org.tongban.tasks;

import org.springframework.stereotype.Service;
import org.tongban.cases.StepAction;
import org.tongban.identity.Actor;
import org.tongban.shared.DomainException;
import org.tongban.workflow.WorkTasks;

/** 签收 / 取消签收: an approver takes a task of their department, or gives it back to the department's queue. */
@Service
public class Claims {

    private final WorkTasks tasks;
    private final TaskOperation operation;

    Claims(WorkTasks tasks, TaskOperation operation) {
        this.tasks = tasks;
        this.operation = operation;
    }

    /** 签收: recorded once; claiming one's own task again changes nothing. */
    public TaskView claim(Actor user, String taskId) {
        return operation.run(user, taskId, check -> tasks.claim(taskId, user.username(), check), task -> {
            if (task.assignee() != null && !task.assignee().equals(user.username())) {
                throw DomainException.conflict("task-claimed-by-other", taskId);
            }
            return task.assignee() == null ? new TaskOperation.Entry(StepAction.CLAIM, null, null) : null;
        });
    }

    /** 取消签收: only the assignee, and not while a delegation of theirs is pending. */
    public TaskView unclaim(Actor user, String taskId, String reason) {
        String why = TaskOperation.reason("reason", reason, false);
        return operation.run(user, taskId, check -> tasks.unclaim(taskId, check), task -> {
            ApproverOperations.requireHolder(user, task, false);
            return new TaskOperation.Entry(StepAction.UNCLAIM, why, null);
        });
    }
}
