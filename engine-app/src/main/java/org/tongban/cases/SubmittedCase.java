package org.tongban.cases;

/** What the applicant keeps: the case number and the query code to follow progress without logging in. */
public record SubmittedCase(String caseNumber, String queryCode, CaseStatus status) {
}
