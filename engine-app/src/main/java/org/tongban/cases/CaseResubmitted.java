package org.tongban.cases;

import java.time.Instant;

/** The applicant answered the correction notice; the case is back at acceptance. Published inside the transition's transaction ({@link CaseTransition}); ids only. */
public record CaseResubmitted(long caseId, String caseNumber, String itemCode, String applicant, Instant resubmittedAt) {
}
