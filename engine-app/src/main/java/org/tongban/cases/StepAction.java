package org.tongban.cases;

/** What someone did on a case; recorded in the case history. */
public enum StepAction {
    SUBMIT, RESUBMIT,
    ACCEPT, REJECT, REQUEST_CORRECTION,
    AGREE, DISAGREE,
    GRANT, REFUSE,
    /** The applicant takes back a case that is not concluded (撤回申请). */
    WITHDRAW,
    /** 退回: the holder of an open step sends the case back to an earlier step or to the applicant. */
    RETURN,
    /** 撤回: an approver takes back their own just-completed step while the next one is untouched. */
    RECALL;

    /** Actions whose record must carry a written reason or opinion. */
    public boolean needsOpinion() {
        return this == REJECT || this == REQUEST_CORRECTION || this == DISAGREE || this == REFUSE || this == RETURN
                || this == RECALL;
    }
}
