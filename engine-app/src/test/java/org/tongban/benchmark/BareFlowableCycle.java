package org.tongban.benchmark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.tongban.workflow.TransientConflicts;

/**
 * One joint-review case on bare Flowable: the same BPMN and process variables as the platform's, driven
 * through RuntimeService and TaskService, conflicts retried as any Flowable client must.
 */
final class BareFlowableCycle implements Runnable {

    private final RuntimeService runtime;
    private final TaskService tasks;
    final AtomicInteger retries = new AtomicInteger();
    /** Where this cycle's calls are timed; swapped for a fresh one per measured window. */
    volatile Latencies latencies = new Latencies();

    BareFlowableCycle(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @Override
    public void run() {
        var variables = new HashMap<String, Object>();
        variables.put("applicant", "lina");
        variables.put("caseNumber", "BARE");
        variables.put("itemCode", "CONSTRUCTION-PERMIT");
        variables.put("reviewDepartments", List.of("DQ-ZRZY", "DQ-XF", "DQ-STHJ"));
        variables.put("jointReviewRound", 1);
        Latencies time = latencies;
        String pid = time.time("start", () -> runtime.startProcessInstanceByKey("constructionPermit", variables).getId());
        Task acceptance = time.time("task query", () -> open(pid, "acceptance")).get(0);
        time.time("claim+complete", () -> {
            tasks.claim(acceptance.getId(), "chenjing");
            tasks.complete(acceptance.getId(), Map.of("acceptance", "ACCEPT"));
        });
        for (Task review : time.time("task query", () -> open(pid, "jointReview"))) {
            for (int attempt = 1; ; attempt++) {
                try {
                    time.time("complete review", () -> tasks.complete(review.getId()));
                    break;
                } catch (RuntimeException e) {
                    if (!TransientConflicts.isTransient(e)) {
                        throw e;
                    }
                    retries.incrementAndGet();
                    if (attempt == 8) {
                        throw e;
                    }
                }
            }
        }
        // the lead department consolidates the opinions (same BPMN as the platform runs)
        Task consolidation = time.time("task query", () -> await(pid, "consolidation"));
        time.time("claim+complete", () -> {
            tasks.claim(consolidation.getId(), "chenjing");
            tasks.complete(consolidation.getId(), Map.of("consolidation", "CONSOLIDATE"));
        });
        Task decision = time.time("task query", () -> awaitDecision(pid));
        time.time("claim+complete", () -> {
            tasks.claim(decision.getId(), "chenjing");
            tasks.complete(decision.getId(), Map.of("decision", "GRANT"));
        });
    }

    List<Task> open(String pid, String key) {
        return tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).list();
    }

    Task awaitDecision(String pid) {
        return await(pid, "decision");
    }

    /** The open task at this step, waiting briefly should the engine reach it asynchronously. */
    Task await(String pid, String key) {
        for (int i = 0; i < 500; i++) {
            List<Task> found = open(pid, key);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no " + key + " task for " + pid);
    }
}
