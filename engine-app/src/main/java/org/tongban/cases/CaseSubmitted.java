package org.tongban.cases;

import java.time.Instant;

/** 申请: a new case was submitted. Published inside the transition's transaction ({@link CaseTransition}); ids only. */
public record CaseSubmitted(long caseId, String caseNumber, String itemCode, String applicant, Instant submittedAt) {
}
