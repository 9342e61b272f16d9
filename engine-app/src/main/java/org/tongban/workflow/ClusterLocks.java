package org.tongban.workflow;

import java.time.Duration;
import org.flowable.engine.ManagementService;
import org.springframework.stereotype.Service;

/**
 * Work that must run on one node at a time: the start-up content deployment, the sweep that resumes event
 * publications a dead node left behind. The engine's own lock rows (ACT_GE_PROPERTY, Flowable's LockManager, the
 * same mechanism its schema update and auto-deployment locks use), so nothing but the database is shared. A lock
 * older than {@code staleAfter} is taken over: its holder died (SIGKILL leaves no release behind).
 */
@Service
public class ClusterLocks {

    private static final Duration POLL = Duration.ofMillis(500);

    private final ManagementService management;

    ClusterLocks(ManagementService management) {
        this.management = management;
    }

    /** Runs {@code work} holding the lock, waiting for another node's turn to end (at most {@code wait}). */
    public void runExclusively(String name, Duration staleAfter, Duration wait, Runnable work) {
        var lock = management.getLockManager(name);
        long giveUp = System.nanoTime() + wait.toNanos();
        while (!lock.acquireLock(staleAfter)) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("lock " + name + " still held by another node after " + wait);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for lock " + name, e);
            }
        }
        try {
            work.run();
        } finally {
            lock.releaseLock();
        }
    }

    /** Runs {@code work} if no other node holds the lock now; returns whether it ran. */
    public boolean runIfFree(String name, Duration staleAfter, Runnable work) {
        var lock = management.getLockManager(name);
        if (!lock.acquireLock(staleAfter)) {
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            lock.releaseLock();
        }
    }
}
