package org.tongban.cases;

import java.time.Instant;

/** A line of the supervisors' case list (办件监管): no form data, no materials. */
public record CaseSummary(String caseNumber, String itemCode, String itemName, String itemNameEn, CaseStatus status,
                          String applicant, String applicantName, Instant submittedAt, Instant concludedAt) {
}
