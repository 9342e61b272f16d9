package org.tongban.cases;

import java.time.Instant;

/**
 * 退回: an approver sent the case back to the earlier step {@code toStep} (the applicant's correction step when
 * returned to the applicant). Published inside the returning transaction.
 */
public record CaseReturned(long caseId, String caseNumber, String itemCode, String actor, String department,
                           String toStep, Instant returnedAt) {
}
