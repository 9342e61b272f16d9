package org.tongban.cases;

/**
 * Where a case (办件) stands. REJECTED, GRANTED, REFUSED and WITHDRAWN are final; {@link CaseTransition}
 * owns which status may follow which.
 */
public enum CaseStatus {
    /** Submitted (or resubmitted after correction), waiting for acceptance at the window. */
    SUBMITTED,
    /** 补正: the applicant must correct or add what the one-time notice lists. */
    CORRECTION_REQUESTED,
    /** 受理: accepted; in review. */
    ACCEPTED,
    /** 不予受理. */
    REJECTED,
    /** 准予许可: granted; the licence is issued. */
    GRANTED,
    /** 不予许可. */
    REFUSED,
    /** 撤回: the applicant took the case back before it was concluded. */
    WITHDRAWN;

    /** A final status: the case is concluded and no transition leaves it. */
    public boolean concluded() {
        return this == REJECTED || this == GRANTED || this == REFUSED || this == WITHDRAWN;
    }
}
