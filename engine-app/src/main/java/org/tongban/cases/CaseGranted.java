package org.tongban.cases;

import java.time.Instant;
import java.util.Map;

/** Published inside the granting transaction: the licence is issued in the same transaction. */
public record CaseGranted(long caseId, String caseNumber, String itemCode, String applicant,
                          Map<String, Object> formData, Instant grantedAt) {
}
