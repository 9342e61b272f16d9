package org.tongban.workflow.internal;

import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.flowable.task.api.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.tongban.workflow.TaskCreatedListener;

/**
 * Hands every user task the engine creates to the {@link TaskCreatedListener}s, in the engine's own
 * transaction. TASK_CREATED fires after the task's candidate groups are set (UserTaskActivityBehavior). A listener's
 * failure fails the step's creation (e.g. a department would lose sight of its case).
 */
@Component
class TaskCreatedRelay extends EngineCommandListener implements EngineConfigurationConfigurer<SpringProcessEngineConfiguration> {

    private final ObjectProvider<TaskCreatedListener> listeners;

    TaskCreatedRelay(ObjectProvider<TaskCreatedListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    public void configure(SpringProcessEngineConfiguration engine) {
        listenTo(engine, FlowableEngineEventType.TASK_CREATED);
    }

    @Override
    public void onEvent(FlowableEvent event) {
        if (!(event instanceof FlowableEntityEvent entityEvent) || !(entityEvent.getEntity() instanceof Task task)
                || task.getProcessInstanceId() == null) {
            return;
        }
        var work = WorkTaskMapping.of(task, true);
        String processKey = org.flowable.engine.impl.util.ProcessDefinitionUtil.getProcessDefinition(task.getProcessDefinitionId()).getKey();
        listeners.orderedStream().forEach(l -> l.taskCreated(work, processKey));
    }
}
