package org.tongban.cases;

import java.time.Instant;

/** 补正告知: the window asked the applicant to correct the case. Published inside the transition's transaction ({@link CaseTransition}); ids only. */
public record CorrectionRequested(long caseId, String caseNumber, String itemCode, String actor, String department, Instant requestedAt) {
}
