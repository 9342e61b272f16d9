package org.tongban.cases;

/** What someone did on a case; recorded in the case history. */
public enum StepAction {
    SUBMIT, RESUBMIT,
    ACCEPT, REJECT, REQUEST_CORRECTION,
    AGREE, DISAGREE,
    GRANT, REFUSE,
    /** The applicant takes back a case that is not concluded (撤回申请). */
    WITHDRAW,
    /** A countersign was settled without this department's answer: its open task ended (recorded by the system). */
    NOT_NEEDED,
    /** 加签 / 减签: the lead department added or removed a signer of a running countersign (opinion: whom, why). */
    ADD_SIGNER, REMOVE_SIGNER;

    /** Actions whose record must carry a written reason or opinion. */
    public boolean needsOpinion() {
        return this == REJECT || this == REQUEST_CORRECTION || this == DISAGREE || this == REFUSE;
    }
}
