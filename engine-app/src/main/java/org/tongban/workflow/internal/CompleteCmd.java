package org.tongban.workflow.internal;

import java.util.Map;
import org.flowable.common.engine.impl.interceptor.Command;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.util.CommandContextUtil;

/**
 * 办理: completes the task with the step's outcome variables. An unclaimed task is first claimed by
 * {@code claimAs} in the same command, so the engine flushes once (the done list needs the assignee).
 */
public record CompleteCmd(String taskId, String claimAs, Map<String, Object> variables) implements Command<Void> {

    @Override
    public Void execute(CommandContext context) {
        TaskService tasks = CommandContextUtil.getProcessEngineConfiguration(context).getTaskService();
        if (claimAs != null) {
            tasks.claim(taskId, claimAs);
        }
        tasks.complete(taskId, variables);
        return null;
    }
}
