package org.tongban.cases;

import java.time.Instant;

/** 受理: the case was accepted at the window. Published inside the transition's transaction ({@link CaseTransition}); ids only. */
public record CaseAccepted(long caseId, String caseNumber, String itemCode, String actor, String department, Instant acceptedAt) {
}
