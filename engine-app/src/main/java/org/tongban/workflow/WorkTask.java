package org.tongban.workflow;

import java.time.Instant;
import java.util.List;

/**
 * An open user task, in our own terms. {@code category} is the step kind's category; {@code departments} are
 * its candidate groups; {@code caseNumber} and {@code itemCode} are filled only on the to-do page, else null.
 * {@code owner} is who delegated it (委派; null if never delegated) and {@code delegated} whether the delegate
 * ({@code assignee}) still works it; once resolved or taken back the owner is the assignee again. {@code urgedAt}:
 * when the case was last urged (催办), filled only on the to-do page.
 */
public record WorkTask(String id, String stepKey, String name, String category, String processInstanceId,
                       String assignee, List<String> departments, Instant createdAt, Instant dueAt,
                       String caseNumber, String itemCode, String owner, boolean delegated, Instant urgedAt) {

    /**
     * Whether this user may work the task: it is assigned to them, they delegated it, or it is a candidate of one
     * of their departments.
     */
    public boolean mayBeWorkedBy(String username, java.util.function.Predicate<String> inDepartment) {
        return username.equals(assignee) || (delegated && username.equals(owner))
                || departments.stream().anyMatch(inDepartment);
    }
}
