package org.tongban.workflow.internal;

import java.util.Optional;
import java.util.function.Function;
import org.flowable.common.engine.impl.interceptor.Command;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.tongban.workflow.WorkTask;
import org.tongban.workflow.WorkTasks.Completion;

/**
 * 办理: reads the open task, lets the caller decide on it (who may work it, the domain effects, the outcome
 * variables; a refusal is thrown), then claims it for the caller if unclaimed and completes it, all in one
 * command: the engine reads the task and its candidate links once (the completion re-uses them from the
 * command's entity cache) and flushes once (the done list needs the assignee).
 */
public record CompleteCmd(String taskId, Function<Optional<WorkTask>, Completion> decide) implements Command<Void> {

    @Override
    public Void execute(CommandContext context) {
        TaskEntity task = CommandContextUtil.getTaskService(context).getTask(taskId);
        Completion completion = decide.apply(Optional.ofNullable(task).map(t -> WorkTaskMapping.of(t, true)));
        TaskService tasks = CommandContextUtil.getProcessEngineConfiguration(context).getTaskService();
        if (completion.claimAs() != null) {
            tasks.claim(taskId, completion.claimAs());
        }
        tasks.complete(taskId, completion.variables());
        return null;
    }
}
