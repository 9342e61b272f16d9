package org.tongban.tasks;

import org.springframework.stereotype.Service;
import org.tongban.cases.StepAction;
import org.tongban.identity.Actor;
import org.tongban.workflow.WorkTasks;

/**
 * 转办: the holder of a task (its assignee, or any candidate while it is unclaimed) hands it for good to a
 * colleague: an enabled approver of one of the task's departments.
 */
@Service
public class Transfers {

    private final WorkTasks tasks;
    private final TaskOperation operation;

    private final TaskQueue queue;

    Transfers(WorkTasks tasks, TaskOperation operation, TaskQueue queue) {
        this.tasks = tasks;
        this.operation = operation;
        this.queue = queue;
    }

    /** Whom this task may be transferred or delegated to (the pickers of the task page); 404 if the task is not mine to see. */
    public java.util.List<Colleague> colleagues(Actor user, String taskId) {
        return operation.colleagues(user, queue.visibleTask(user, taskId));
    }

    public TaskView transfer(Actor user, String taskId, String to, String reason) {
        String why = TaskOperation.reason("reason", reason, true);
        return operation.run(user, taskId, check -> tasks.transfer(taskId, to == null ? null : to.strip(), check), task -> {
            ApproverOperations.requireHolder(user, task, true);
            return new TaskOperation.Entry(StepAction.TRANSFER, why, operation.colleague(user, task, to));
        });
    }
}
