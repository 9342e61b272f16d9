package org.tongban.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Test listener: the case events each case published, in order, counted only when their transaction commits
 * (a rolled-back or retried attempt publishes nothing that sticks). A plain listener, so it adds nothing to the
 * event publication registry.
 */
@Component
public class CaseEventRecorder {

    private final Map<String, List<Object>> byCase = new ConcurrentHashMap<>();

    @EventListener
    void on(Object event) {
        if (!event.getClass().isRecord() || !event.getClass().getPackageName().equals(CaseTransition.class.getPackageName())) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    record(event);
                }
            });
        } else {
            record(event);
        }
    }

    private void record(Object event) {
        try {
            String caseNumber = (String) event.getClass().getMethod("caseNumber").invoke(event);
            byCase.computeIfAbsent(caseNumber, n -> java.util.Collections.synchronizedList(new ArrayList<>())).add(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(event + " carries no case number", e);
        }
    }

    public List<Object> of(String caseNumber) {
        return List.copyOf(byCase.getOrDefault(caseNumber, List.of()));
    }
}
