package org.tongban.cases;

import java.time.Instant;

/**
 * Published when a case is granted, inside the granting transaction. It is stored in the event publication
 * registry with that transaction and delivered after commit, so it carries ids only: listeners read the rest.
 */
public record CaseGranted(long caseId, String caseNumber, String itemCode, Instant grantedAt) {
}
