package org.tongban.cases;

import java.time.Instant;

/**
 * One form field changed at a step (tongban:editableAt): who, where, and the value before and after (JSON values;
 * null when empty).
 */
public record FormChange(Instant changedAt, String actor, String actorName, String stepKey, String stepName,
                         String field, Object oldValue, Object newValue) {
}
