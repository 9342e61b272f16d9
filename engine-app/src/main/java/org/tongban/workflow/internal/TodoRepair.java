package org.tongban.workflow.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings tb_todo_candidate in line with the engine when a node starts. Nothing else writes the table than
 * {@link TodoProjection}, in the engine's commands, so on its own it never drifts; but during a rolling upgrade from a
 * release without it the old nodes go on creating, claiming and completing tasks without writing it, and each new node
 * that starts after an old one stopped repairs what that one left (docs/operations.md). Rows of the last minute are
 * left alone (see {@link TodoCandidateMapper#deleteOutdated}); a link another node mirrors meanwhile makes the insert
 * meet its own row, and it is tried once more.
 */
@Component
class TodoRepair {

    private static final Logger LOG = LoggerFactory.getLogger(TodoRepair.class);
    private final TodoCandidateMapper table;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TodoRepair(TodoCandidateMapper table, TransactionTemplate transaction, Clock clock) {
        this.table = table;
        this.transaction = transaction;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStartup() {
        repair(Instant.now(clock).minus(Duration.ofMinutes(1)));
    }

    /** Deletes rows older than {@code before} that no longer say what the engine says, and adds missing ones. */
    int[] repair(Instant before) {
        int deleted = transaction.execute(s -> table.deleteOutdated(before));
        int inserted;
        try {
            inserted = transaction.execute(s -> table.insertMissing());
        } catch (DataIntegrityViolationException raced) {
            inserted = transaction.execute(s -> table.insertMissing());
        }
        if (deleted + inserted > 0) {
            LOG.warn("To-do table repaired: {} outdated rows deleted, {} rows added (tasks changed by a node without it)", deleted, inserted);
        }
        return new int[] {deleted, inserted};
    }
}
