package org.tongban.workflow.internal;

import java.util.List;
import java.util.Objects;
import org.flowable.identitylink.api.IdentityLinkInfo;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.DelegationState;
import org.flowable.task.api.TaskInfo;
import org.tongban.workflow.WorkTask;

/** The engine's task as our {@link WorkTask}. */
public final class WorkTaskMapping {

    private WorkTaskMapping() {
    }

    /**
     * {@code withLinks}: the query included the identity links (outside a command, reading them unfetched fails);
     * without them the departments are left empty. Case number and item code are left empty: only the to-do
     * page reads them (TodoMapper).
     */
    public static WorkTask of(TaskInfo t, boolean withLinks) {
        return new WorkTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getCategory(), t.getProcessInstanceId(),
                t.getAssignee(), withLinks ? departments(t) : List.of(), t.getCreateTime().toInstant(),
                t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                null, null, t.getOwner(), delegated(t), null);
    }

    /** Whether a delegation (委派) is pending: the delegate works the task, the owner waits. */
    static boolean delegated(TaskInfo t) {
        return t instanceof org.flowable.task.api.Task task && task.getDelegationState() == DelegationState.PENDING;
    }

    static List<String> departments(TaskInfo task) {
        return task.getIdentityLinks().stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                .map(IdentityLinkInfo::getGroupId).filter(Objects::nonNull).toList();
    }
}
