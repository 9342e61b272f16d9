package org.tongban.cases;

import java.time.Instant;

/** 撤回: the applicant took the case back; it is concluded. Published inside the transition's transaction ({@link CaseTransition}); ids only. */
public record CaseWithdrawn(long caseId, String caseNumber, String itemCode, String applicant, Instant withdrawnAt) {
}
