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
 * {@code step} reopens, assigned to {@code assignee}. A task of {@code selfAssignedCategory} (the applicant's
 * correction step, which the process itself assigns) counts as untouched while it is open. The open task rows are
 * locked before they are judged ({@link TaskLockMapper}), so a claim racing the recall either comes first and is
 * seen, or waits and then finds its task gone.
 */
public record RecallCmd(String processInstanceId, String step, String assignee, String selfAssignedCategory,
                        TaskLockMapper locks) implements Command<Void> {

    @Override
    public Void execute(CommandContext context) {
        var open = locks.lockOpenTasks(processInstanceId);
        boolean touched = open.stream().anyMatch(t -> t.delegation() != null
                || (t.assignee() != null && !Objects.equals(selfAssignedCategory, t.category())));
        if (open.isEmpty() || touched) {
            var instance = CommandContextUtil.getExecutionEntityManager(context).findById(processInstanceId);
            throw new CompleteCmd.Refusal(DomainException.conflict("recall-next-step-started",
                    instance == null ? processInstanceId : instance.getBusinessKey()));
        }
        List<String> from = CommandContextUtil.getTaskService(context).findTasksByProcessInstanceId(processInstanceId)
                .stream().map(TaskEntity::getTaskDefinitionKey).filter(Objects::nonNull).distinct().toList();
        StepMover.move(context, processInstanceId, from, step, task -> assignee);
        return null;
    }
}
