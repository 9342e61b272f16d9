package org.tongban.cases;

/** A case as other capabilities refer to it; {@code formVersion} is the form version it was submitted with (null: 1). */
public record CaseRef(long id, String caseNumber, String itemCode, String applicant, CaseStatus status,
                      String processInstanceId, Integer formVersion) {

    public CaseRef(long id, String caseNumber, String itemCode, String applicant, CaseStatus status, String processInstanceId) {
        this(id, caseNumber, itemCode, applicant, status, processInstanceId, null);
    }
}
