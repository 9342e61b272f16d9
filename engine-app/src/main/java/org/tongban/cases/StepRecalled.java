package org.tongban.cases;

import java.time.Instant;

/**
 * 撤回: an approver took back their just-completed step {@code stepKey}, which is open again (assigned to them).
 * Published inside the recalling transaction.
 */
public record StepRecalled(long caseId, String caseNumber, String itemCode, String actor, String department,
                           String stepKey, Instant recalledAt) {
}
