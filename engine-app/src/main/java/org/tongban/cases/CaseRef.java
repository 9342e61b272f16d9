package org.tongban.cases;

/** A case as other capabilities refer to it. */
public record CaseRef(long id, String caseNumber, String itemCode, String applicant, CaseStatus status,
                      String processInstanceId) {
}
