package org.tongban.workflow.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.spring.SpringProcessEngineConfiguration;

/**
 * An engine event listener that works inside the command that sent the event (not after its transaction), and
 * whose failure fails that command: what it writes commits or rolls back with the engine's change.
 */
abstract class EngineCommandListener implements FlowableEventListener {

    /** Adds this listener for these event types, beside those already configured. */
    protected void listenTo(SpringProcessEngineConfiguration engine, FlowableEngineEventType... types) {
        var typed = engine.getTypedEventListeners() == null
                ? new HashMap<String, List<FlowableEventListener>>() : new HashMap<>(engine.getTypedEventListeners());
        for (var type : types) {
            var listeners = new ArrayList<>(typed.getOrDefault(type.name(), List.of()));
            listeners.add(this);
            typed.put(type.name(), listeners);
        }
        engine.setTypedEventListeners(typed);
    }

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
