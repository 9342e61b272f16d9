package org.tongban.cases;

import java.time.Instant;

/**
 * Something was recorded on a case that does not move its status ({@link CaseTransition#NOTE}): e.g. a countersign
 * department's answer was not needed, or a signer was added or removed.
 */
public record CaseNoted(long caseId, String caseNumber, String itemCode, String actor, String department, String stepKey,
                        StepAction action, Instant occurredAt) {
}
