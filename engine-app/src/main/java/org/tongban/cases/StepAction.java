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
    SEND_BACK,
    /** Approver operations on a task (issue 8): recorded in the history, the case status stays. */
    CLAIM, UNCLAIM, TRANSFER, DELEGATE, RESOLVE, TAKE_BACK, URGE, CC,
    /** 退回: the holder of an open step sends the case back to an earlier step or to the applicant. */
    RETURN,
    /** 撤回: an approver takes back their own just-completed step while the next one is untouched. */
    RECALL,

    /** A countersign was settled without this department's answer: its open task ended (recorded by the system). */
    NOT_NEEDED,
    /** 加签 / 减签: the lead department added or removed a signer of a running countersign (opinion: whom, why). */
    ADD_SIGNER, REMOVE_SIGNER,
    /** Form fields the step may edit (tongban:editableAt) were changed with its completion (target: the field keys). */
    EDIT_FORM;

    /** Actions whose record must carry a written reason or opinion. */
    public boolean needsOpinion() {
        return this == REJECT || this == REQUEST_CORRECTION || this == DISAGREE || this == REFUSE
                || this == CONSOLIDATE || this == SEND_BACK || this == RETURN || this == RECALL;
    }

    /** Operations that only record something (who holds a task, who was told): not a verdict, not in 已办. */
    public boolean isNote() {
        return CaseTransition.of(this) == CaseTransition.NOTE;
    }
}
