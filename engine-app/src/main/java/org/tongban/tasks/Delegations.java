package org.tongban.tasks;

import org.springframework.stereotype.Service;
import org.tongban.cases.StepAction;
import org.tongban.identity.Actor;
import org.tongban.shared.DomainException;
import org.tongban.workflow.WorkTask;
import org.tongban.workflow.WorkTasks;

/**
 * 委派: the assignee (the owner) lets a colleague of the task's departments work it; the delegate answers with an
 * opinion (resolve) and the task returns to the owner, who completes it; the owner may take it back while the
 * delegation is pending. Meanwhile neither may complete it (409 task-delegated / delegation-pending).
 */
@Service
public class Delegations {

    private final WorkTasks tasks;
    private final TaskOperation operation;

    Delegations(WorkTasks tasks, TaskOperation operation) {
        this.tasks = tasks;
        this.operation = operation;
    }

    public TaskView delegate(Actor user, String taskId, String to, String reason) {
        String why = TaskOperation.reason("reason", reason, true);
        return operation.run(user, taskId, check -> tasks.delegate(taskId, to == null ? null : to.strip(), check), task -> {
            ApproverOperations.requireHolder(user, task, false);
            return new TaskOperation.Entry(StepAction.DELEGATE, why, operation.colleague(user, task, to));
        });
    }

    /** The delegate's answer: their opinion is recorded, the task returns to its owner. */
    public TaskView resolve(Actor user, String taskId, String opinion) {
        String answer = TaskOperation.reason("opinion", opinion, true);
        return operation.run(user, taskId, check -> tasks.resolve(taskId, check), task -> {
            requirePending(user, task, task.assignee(), "not-the-delegate");
            return new TaskOperation.Entry(StepAction.RESOLVE, answer, task.owner());
        });
    }

    /** The owner takes a pending delegation back before the delegate answered. */
    public TaskView takeBack(Actor user, String taskId, String reason) {
        String why = TaskOperation.reason("reason", reason, true);
        return operation.run(user, taskId, check -> tasks.takeBack(taskId, check), task -> {
            requirePending(user, task, task.owner(), "not-the-owner");
            return new TaskOperation.Entry(StepAction.TAKE_BACK, why, task.assignee());
        });
    }

    /** A pending delegation, and the caller is the one person who may answer it ({@code who}); else 409 {@code refusal}. */
    private static void requirePending(Actor user, WorkTask task, String who, String refusal) {
        if (!task.delegated()) {
            throw DomainException.conflict("not-delegated", task.id());
        }
        if (!user.username().equals(who)) {
            throw DomainException.conflict(refusal, task.id(), who);
        }
    }
}
