package org.tongban.cases;

import java.time.Instant;

/**
 * An operation that leaves the status as it is was recorded (claim, transfer, delegate, urge, CC, a countersign's department not needed, a signer added or removed…): who, in which
 * department, at which step ({@code stepKey}, null for a case-wide one such as an urge). Published inside the
 * operation's transaction ({@link CaseTransition#NOTE}); ids only.
 */
public record CaseNoted(long caseId, String caseNumber, String itemCode, String actor, String department, String stepKey,
                        StepAction action, Instant at) {
}
