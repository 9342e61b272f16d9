package org.tongban.identity;

/** What a user may do. Approvers additionally belong to departments (Flowable candidate groups). */
public enum Role {
    APPLICANT, APPROVER, DESIGNER, SUPERVISOR, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
