package org.tongban.workflow.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.workflow.ClusterLocks;

/**
 * Brings tb_todo_candidate in line with the engine, when a node starts and then regularly (one node at a time, a
 * cluster lock). Nothing but {@link TodoProjection}, inside the engine's commands, writes the table, so on its own
 * it does not drift; but during a rolling upgrade from a release without it the old nodes go on creating, claiming and
 * completing tasks without writing it (docs/operations.md). Rows of tasks created in the last minute are left to the
 * node that wrote them. A pass reads the engine as of its statement's start, so a task that changes meanwhile can
 * come out wrong (e.g. a row inserted for a task completed a moment before); passes are repeated, up to three, until
 * one finds nothing to change.
 */
@Component
class TodoRepair {

    static final String LOCK = "tongban-todo-repair";
    private static final Logger LOG = LoggerFactory.getLogger(TodoRepair.class);
    private static final int PASSES = 3;
    private final TodoCandidateMapper table;
    private final TransactionTemplate transaction;
    private final ClusterLocks locks;
    private final Clock clock;

    TodoRepair(TodoCandidateMapper table, TransactionTemplate transaction, ClusterLocks locks, Clock clock) {
        this.table = table;
        this.transaction = transaction;
        this.locks = locks;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStartup() {
        repairNow();
    }

    @Scheduled(initialDelayString = "${tongban.todo.repair-interval:PT15M}", fixedDelayString = "${tongban.todo.repair-interval:PT15M}")
    void regularly() {
        repairNow();
    }

    private void repairNow() {
        try {
            // a pass takes 1.2 s on 100,000 open tasks (docs/scale.md); 10 minutes means its node died
            locks.runIfFree(LOCK, Duration.ofMinutes(10), () -> repair(Instant.now(clock).minus(Duration.ofMinutes(1))));
        } catch (RuntimeException e) { // never stops a start or the scheduler: the next run tries again
            LOG.warn("To-do table repair failed: {}", e.toString());
        }
    }

    /** Deletes rows older than {@code before} that no longer say what the engine says and adds missing ones: {deleted, added}. */
    int[] repair(Instant before) {
        int deleted = 0;
        int added = 0;
        for (int pass = 0; pass < PASSES; pass++) {
            int d = transaction.execute(s -> table.deleteOutdated(before));
            int a = 0;
            boolean raced = false;
            try {
                a = transaction.execute(s -> table.insertMissing(before));
            } catch (DataIntegrityViolationException e) { // a node mirrored one of the links meanwhile: once more
                raced = true;
            }
            deleted += d;
            added += a;
            if (d + a == 0 && !raced) {
                break;
            }
        }
        if (deleted + added > 0) {
            LOG.warn("To-do table repaired: {} outdated rows deleted, {} rows added (tasks changed by a node without it)", deleted, added);
        }
        return new int[] {deleted, added};
    }
}
