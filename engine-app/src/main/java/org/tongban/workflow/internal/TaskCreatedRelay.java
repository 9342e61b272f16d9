package org.tongban.workflow.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.flowable.task.api.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.tongban.workflow.TaskCreatedListener;

/**
 * Hands every user task the engine creates to the {@link TaskCreatedListener}s, in the engine's own
 * transaction. TASK_CREATED fires after the task's candidate groups are set (UserTaskActivityBehavior).
 */
@Component
class TaskCreatedRelay implements FlowableEventListener, EngineConfigurationConfigurer<SpringProcessEngineConfiguration> {

    private final ObjectProvider<TaskCreatedListener> listeners;

    TaskCreatedRelay(ObjectProvider<TaskCreatedListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    public void configure(SpringProcessEngineConfiguration engine) {
        var typed = engine.getTypedEventListeners() == null
                ? new HashMap<String, List<FlowableEventListener>>() : new HashMap<>(engine.getTypedEventListeners());
        var created = new ArrayList<>(typed.getOrDefault(FlowableEngineEventType.TASK_CREATED.name(), List.of()));
        created.add(this);
        typed.put(FlowableEngineEventType.TASK_CREATED.name(), created);
        engine.setTypedEventListeners(typed);
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

    /** A listener's failure must fail the step's creation (e.g. a department would lose sight of its case). */
    @Override
    public boolean isFailOnException() {
        return true;
    }

    @Override
    public boolean isFireOnTransactionLifecycleEvent() {
        return false;
    }

    @Override
    public String getOnTransaction() {
        return null;
    }
}
