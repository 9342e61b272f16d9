package org.tongban.cases;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.tongban.shared.DomainException;

/**
 * The case state machine: every legal move of a case's status, and the one event each move publishes.
 * Suspend (中止) will be a further constant here. RETURN and RECALL go backwards: their target is the status
 * the case has while the step they reopen is open ({@link #back}).
 */
public enum CaseTransition {
    /** 申请: a new case; it has no status before. */
    SUBMIT(EnumSet.noneOf(CaseStatus.class), CaseStatus.SUBMITTED),
    /** 补正告知: the window asks once for everything missing. */
    REQUEST_CORRECTION(EnumSet.of(CaseStatus.SUBMITTED), CaseStatus.CORRECTION_REQUESTED),
    /** The applicant answers the correction notice; back to acceptance. */
    RESUBMIT(EnumSet.of(CaseStatus.CORRECTION_REQUESTED), CaseStatus.SUBMITTED),
    /** 受理. */
    ACCEPT(EnumSet.of(CaseStatus.SUBMITTED), CaseStatus.ACCEPTED),
    /** 不予受理. */
    REJECT(EnumSet.of(CaseStatus.SUBMITTED), CaseStatus.REJECTED),
    /** A review or joint-review verdict (agree or disagree): recorded, the status stays. */
    REVIEW(EnumSet.of(CaseStatus.ACCEPTED), CaseStatus.ACCEPTED),
    /** 准予许可. */
    GRANT(EnumSet.of(CaseStatus.ACCEPTED), CaseStatus.GRANTED),
    /** 不予许可. */
    REFUSE(EnumSet.of(CaseStatus.ACCEPTED), CaseStatus.REFUSED),
    /** 撤回: the applicant takes back a case that is not yet concluded. */
    WITHDRAW(EnumSet.of(CaseStatus.SUBMITTED, CaseStatus.CORRECTION_REQUESTED, CaseStatus.ACCEPTED),
            CaseStatus.WITHDRAWN),
    /** 合并意见: the lead department consolidates the joint review's opinions; the status stays. */
    CONSOLIDATE(EnumSet.of(CaseStatus.ACCEPTED), CaseStatus.ACCEPTED),
    /** The lead department sends the joint review back to named departments (a new round); the status stays. */
    SEND_BACK(EnumSet.of(CaseStatus.ACCEPTED), CaseStatus.ACCEPTED),
    /**
     * Recorded, the status stays: operations on a task or a case that do not move it (claim, transfer, urge, CC, a
     * countersign's department not needed, a signer added or removed…).
     */
    NOTE(EnumSet.of(CaseStatus.SUBMITTED, CaseStatus.CORRECTION_REQUESTED, CaseStatus.ACCEPTED), null),
    /**
     * 退回: back to an earlier step or to the applicant. To acceptance: SUBMITTED; to the applicant's correction:
     * CORRECTION_REQUESTED; to a review, joint-review or decision step: stays ACCEPTED.
     */
    RETURN(EnumSet.of(CaseStatus.SUBMITTED, CaseStatus.ACCEPTED), null),
    /** 撤回 (by an approver): their just-completed step reopens; the status is that step's again. */
    RECALL(EnumSet.of(CaseStatus.CORRECTION_REQUESTED, CaseStatus.ACCEPTED), null);

    private final Set<CaseStatus> from;
    private final CaseStatus to;

    CaseTransition(Set<CaseStatus> from, CaseStatus to) {
        this.from = from;
        this.to = to;
    }

    /** The transition an action on a case makes. */
    public static CaseTransition of(StepAction action) {
        return switch (action) {
            case SUBMIT -> SUBMIT;
            case RESUBMIT -> RESUBMIT;
            case ACCEPT -> ACCEPT;
            case REJECT -> REJECT;
            case REQUEST_CORRECTION -> REQUEST_CORRECTION;
            case AGREE, DISAGREE -> REVIEW;
            case GRANT -> GRANT;
            case REFUSE -> REFUSE;
            case WITHDRAW -> WITHDRAW;
            case CONSOLIDATE -> CONSOLIDATE;
            case SEND_BACK -> SEND_BACK;
            case CLAIM, UNCLAIM, TRANSFER, DELEGATE, RESOLVE, TAKE_BACK, URGE, CC, NOT_NEEDED, ADD_SIGNER, REMOVE_SIGNER, EDIT_FORM -> NOTE;
            case RETURN -> RETURN;
            case RECALL -> RECALL;
        };
    }

    /** Whether a case in {@code status} (null: no case yet) may make this transition. */
    public boolean allowedFrom(CaseStatus status) {
        return status == null ? from.isEmpty() : from.contains(status);
    }

    /** The status after this transition from {@code status}; 409 {@code case-wrong-status} if it is not legal. */
    public CaseStatus next(CaseStatus status, String caseNumber) {
        if (backwards()) {
            throw new IllegalStateException(this + " goes back to a step: use back()");
        }
        if (status == null && !allowedFrom(null)) {
            throw new IllegalStateException(this + " needs a case; only SUBMIT starts one");
        }
        if (!allowedFrom(status)) {
            throw DomainException.conflict("case-wrong-status", caseNumber, status);
        }
        return to == null ? status : to;
    }

    /** The status this transition leads to; null for NOTE (keeps the status it finds), RETURN and RECALL (the reopened step's). */
    public CaseStatus target() {
        return to;
    }

    /** RETURN and RECALL: they reopen an earlier step. */
    public boolean backwards() {
        return this == RETURN || this == RECALL;
    }

    /**
     * The status after a backwards transition (RETURN, RECALL) from {@code status} that reopens a step of kind
     * {@code reopened}: the status a case has while such a step is open. 409 {@code case-wrong-status} if the
     * transition is not legal from {@code status}, or if it would move the case forward (a case not yet accepted
     * never becomes ACCEPTED by going back).
     */
    public CaseStatus back(CaseStatus status, StepKind reopened, String caseNumber) {
        if (!backwards()) {
            throw new IllegalStateException(this + " is not a backwards transition");
        }
        CaseStatus target = whileOpen(reopened);
        if (!allowedFrom(status) || (status != CaseStatus.ACCEPTED && target == CaseStatus.ACCEPTED)) {
            throw DomainException.conflict("case-wrong-status", caseNumber, status);
        }
        return target;
    }

    /** The status of a case while a step of this kind is open. */
    static CaseStatus whileOpen(StepKind kind) {
        return switch (kind) {
            case ACCEPTANCE -> CaseStatus.SUBMITTED;
            case CORRECTION -> CaseStatus.CORRECTION_REQUESTED;
            case REVIEW, JOINT_REVIEW, CONSOLIDATION, DECISION -> CaseStatus.ACCEPTED;
        };
    }

    /**
     * The event this transition publishes: ids only, so listeners read the rest. {@code actor} and
     * {@code department} are who made the move (the applicant has no department); {@code step} says which
     * step and verdict a review recorded (null otherwise).
     */
    public Object event(CaseRef ref, String actor, String department, StepVerdict step, Instant at) {
        long id = ref.id();
        String number = ref.caseNumber();
        String item = ref.itemCode();
        return switch (this) {
            case SUBMIT -> new CaseSubmitted(id, number, item, actor, at);
            case REQUEST_CORRECTION -> new CorrectionRequested(id, number, item, actor, department, at);
            case RESUBMIT -> new CaseResubmitted(id, number, item, actor, at);
            case ACCEPT -> new CaseAccepted(id, number, item, actor, department, at);
            case REJECT -> new CaseRejected(id, number, item, actor, department, at);
            case REVIEW -> new StepCompleted(id, number, item, actor, department, step.stepKey(), step.verdict(), at);
            case GRANT -> new CaseGranted(id, number, item, at);
            case REFUSE -> new CaseRefused(id, number, item, actor, department, at);
            case WITHDRAW -> new CaseWithdrawn(id, number, item, actor, at);
            case CONSOLIDATE -> new JointOpinionConsolidated(id, number, item, actor, department, at);
            case SEND_BACK -> new JointReviewSentBack(id, number, item, actor, department, at);
            case NOTE -> new CaseNoted(id, number, item, actor, department, step.stepKey(), step.verdict(), at);
            case RETURN -> new CaseReturned(id, number, item, actor, department, step.stepKey(), at);
            case RECALL -> new StepRecalled(id, number, item, actor, department, step.stepKey(), at);
        };
    }

    /** Which step a review verdict was recorded at, and the verdict. */
    public record StepVerdict(String stepKey, StepAction verdict) {
    }
}
