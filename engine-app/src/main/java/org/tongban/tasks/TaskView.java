package org.tongban.tasks;

import java.time.Instant;
import java.util.List;

/**
 * An open task in an approver's queue (待办); {@code dueDate} is null until steps carry deadlines. {@code owner}
 * is who delegated it (委派) and {@code delegated} whether the delegate (the assignee) still works it;
 * {@code urgedAt} the latest urge (催办) of the case since the task was created (to-do list only), else null.
 */
public record TaskView(String id, String stepKey, String stepName, String stepKind, String caseNumber,
                       String itemCode, List<String> departments, String assignee, Instant createdAt,
                       Instant dueDate, String owner, boolean delegated, Instant urgedAt) {

    TaskView withUrgedAt(Instant at) {
        return new TaskView(id, stepKey, stepName, stepKind, caseNumber, itemCode, departments, assignee, createdAt,
                dueDate, owner, delegated, at);
    }
}
