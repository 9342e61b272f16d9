package org.tongban.workflow.internal;

import java.util.Map;
import org.flowable.common.engine.impl.interceptor.Command;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.impl.util.CommandContextUtil;

/**
 * Starts a case's process under an instance id fixed in advance (the first step's department is recorded
 * while the engine starts, against that id); returns the process definition id it started.
 */
public record StartProcessCmd(String processKey, String businessKey, String processInstanceId, String name,
                              Map<String, Object> variables) implements Command<String> {

    @Override
    public String execute(CommandContext context) {
        return CommandContextUtil.getProcessEngineConfiguration(context).getRuntimeService()
                .createProcessInstanceBuilder().processDefinitionKey(processKey).businessKey(businessKey)
                .predefineProcessInstanceId(processInstanceId).name(name).variables(variables).start()
                .getProcessDefinitionId();
    }
}
