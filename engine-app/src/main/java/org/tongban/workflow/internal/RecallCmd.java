package org.tongban.workflow.internal;

import java.util.List;
import java.util.Objects;
import org.flowable.common.engine.impl.interceptor.Command;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.tongban.shared.DomainException;

/**
 * 撤回: the steps now open followed the recalled one; if none of their tasks is claimed or delegated they end and
 * {@code step} reopens, assigned to {@code assignee}. A task of {@code selfAssignedCategory} (the applicant's correction step, which the
 * process itself assigns) counts as untouched while it is open. A claim racing this command changes a task row it
 * deletes: one of the two meets an optimistic-locking conflict and is retried.
 */
public record RecallCmd(String processInstanceId, String step, String assignee, String selfAssignedCategory) implements Command<Void> {

    @Override
    public Void execute(CommandContext context) {
        List<TaskEntity> open = CommandContextUtil.getTaskService(context).findTasksByProcessInstanceId(processInstanceId);
        boolean touched = open.stream().anyMatch(t -> t.getDelegationState() != null
                || (t.getAssignee() != null && !Objects.equals(selfAssignedCategory, t.getCategory())));
        if (open.isEmpty() || touched) {
            var instance = CommandContextUtil.getExecutionEntityManager(context).findById(processInstanceId);
            throw new CompleteCmd.Refusal(DomainException.conflict("recall-next-step-started",
                    instance == null ? processInstanceId : instance.getBusinessKey()));
        }
        List<String> from = open.stream().map(TaskEntity::getTaskDefinitionKey).filter(Objects::nonNull).distinct().toList();
        StepMover.move(context, processInstanceId, from, step, task -> assignee);
        return null;
    }
}
