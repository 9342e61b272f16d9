package org.tongban.cases;

import java.time.Instant;

/** 不予受理: the case was rejected at the window; it is concluded. Published inside the transition's transaction ({@link CaseTransition}); ids only. */
public record CaseRejected(long caseId, String caseNumber, String itemCode, String actor, String department, Instant rejectedAt) {
}
