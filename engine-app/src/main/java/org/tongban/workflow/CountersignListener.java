package org.tongban.workflow;

import java.util.List;

/**
 * Told, inside the engine's transaction, when the {@code countersign} process bean ends a joint-review step:
 * its outcome and the departments whose answer was no longer needed (their open tasks ended, or, in sequence,
 * their turn never came). {@code cases} records them in the case history.
 */
public interface CountersignListener {

    void countersignEnded(Ended ended);

    record Ended(String processInstanceId, String stepKey, String stepName, CountersignRule.Outcome outcome,
                 List<String> notNeeded) {
    }
}
