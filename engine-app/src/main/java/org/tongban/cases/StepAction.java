package org.tongban.cases;

/** What someone did on a case; recorded in the case history. */
public enum StepAction {
    SUBMIT, RESUBMIT,
    ACCEPT, REJECT, REQUEST_CORRECTION,
    AGREE, DISAGREE,
    GRANT, REFUSE,
    /** The applicant takes back a case that is not concluded (撤回申请). */
    WITHDRAW,
    /** The lead department writes the consolidated joint opinion (合并意见) of the latest joint-review round. */
    CONSOLIDATE,
    /** The lead department sends the joint review back to named departments for another round. */
    SEND_BACK;

    /** Actions whose record must carry a written reason or opinion. */
    public boolean needsOpinion() {
        return this == REJECT || this == REQUEST_CORRECTION || this == DISAGREE || this == REFUSE
                || this == CONSOLIDATE || this == SEND_BACK;
    }
}
