package org.tongban.cases;

import java.time.Instant;

/** 不予许可: the case was refused at decision; it is concluded. Published inside the transition's transaction ({@link CaseTransition}); ids only. */
public record CaseRefused(long caseId, String caseNumber, String itemCode, String actor, String department, Instant refusedAt) {
}
