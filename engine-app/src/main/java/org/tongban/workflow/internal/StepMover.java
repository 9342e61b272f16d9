package org.tongban.workflow.internal;

import java.util.List;
import java.util.function.Function;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.tongban.workflow.WorkTask;

/**
 * The engine work return and recall share: move the executions at some activities to an earlier user task with
 * Flowable's ChangeActivityStateBuilder (a multi-instance step is left or entered as a whole), then give each task
 * it created to the person chosen for it. Runs inside the caller's command, so the move and the assignment flush
 * together.
 */
final class StepMover {

    private StepMover() {
    }

    static void move(CommandContext context, String processInstanceId, List<String> fromActivities, String toStep,
                     Function<WorkTask, String> assignee) {
        ProcessEngineConfiguration engine = CommandContextUtil.getProcessEngineConfiguration(context);
        engine.getRuntimeService().createChangeActivityStateBuilder().processInstanceId(processInstanceId)
                .moveActivityIdsToSingleActivityId(fromActivities, toStep).changeState();
        // The new tasks are not flushed yet, so no query sees them: they are in this command's entity cache.
        List<TaskEntity> created = CommandContextUtil.getEntityCache(context).findInCache(TaskEntity.class).stream()
                .filter(t -> t.isInserted() && !t.isDeleted() && processInstanceId.equals(t.getProcessInstanceId())
                        && toStep.equals(t.getTaskDefinitionKey()))
                .toList();
        for (TaskEntity task : created) {
            String user = task.getAssignee() == null ? assignee.apply(WorkTaskMapping.of(task, true)) : null;
            if (user != null) {
                engine.getTaskService().setAssignee(task.getId(), user);
            }
        }
    }
}
