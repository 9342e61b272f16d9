package org.tongban.cases.internal;

import java.time.Instant;
import org.tongban.cases.CaseRef;
import org.tongban.cases.CaseStatus;

/** The tb_case row. Mutable for MyBatis generated keys. */
public class CaseRow {
    public Long id;
    public String caseNumber;
    public String queryCodeHash;
    public String itemCode;
    public String processInstanceId;
    public String processDefinitionId;
    public String applicant;
    public String status;
    public String formData;
    /** The form version the case was submitted with (null: version 1, from before versions). */
    public Integer formVersion;
    public Instant submittedAt;
    public Instant acceptedAt;
    public Instant concludedAt;

    public CaseStatus caseStatus() {
        return CaseStatus.valueOf(status);
    }

    public CaseRef ref() {
        return new CaseRef(id, caseNumber, itemCode, applicant, caseStatus(), processInstanceId, formVersion);
    }
}
