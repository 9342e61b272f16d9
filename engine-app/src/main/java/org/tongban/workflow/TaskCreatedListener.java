package org.tongban.workflow;

/**
 * Told, inside the engine's transaction, of every user task the engine creates (after its candidate groups are
 * set). Registered on the engine itself, so no process definition can leave it out; a failure fails the step's
 * creation.
 */
public interface TaskCreatedListener {

    /** {@code processKey}: the key of the task's process definition (an item's {@code processKey}). */
    void taskCreated(WorkTask task, String processKey);
}
