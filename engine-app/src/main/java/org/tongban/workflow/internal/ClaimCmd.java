package org.tongban.workflow.internal;

import org.flowable.common.engine.impl.interceptor.Command;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.impl.util.CommandContextUtil;

/** 签收: the approver takes the task, so colleagues see it is being worked. */
public record ClaimCmd(String taskId, String username) implements Command<Void> {

    @Override
    public Void execute(CommandContext context) {
        CommandContextUtil.getProcessEngineConfiguration(context).getTaskService().claim(taskId, username);
        return null;
    }
}
