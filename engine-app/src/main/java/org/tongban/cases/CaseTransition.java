package org.tongban.cases;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.tongban.shared.DomainException;

/**
 * The case state machine: every legal move of a case's status, and the one event each move publishes.
 * Return (退回) and suspend (中止) will be further constants here; some transitions go backwards.
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
    /** Recorded, the status stays (e.g. a countersign's department not needed, a signer added): no move. */
    NOTE(EnumSet.of(CaseStatus.SUBMITTED, CaseStatus.CORRECTION_REQUESTED, CaseStatus.ACCEPTED), null);

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
            case NOT_NEEDED, ADD_SIGNER, REMOVE_SIGNER -> NOTE;
        };
    }

    /** Whether a case in {@code status} (null: no case yet) may make this transition. */
    public boolean allowedFrom(CaseStatus status) {
        return status == null ? from.isEmpty() : from.contains(status);
    }

    /** The status after this transition from {@code status}; 409 {@code case-wrong-status} if it is not legal. */
    public CaseStatus next(CaseStatus status, String caseNumber) {
        if (status == null && !allowedFrom(null)) {
            throw new IllegalStateException(this + " needs a case; only SUBMIT starts one");
        }
        if (!allowedFrom(status)) {
            throw DomainException.conflict("case-wrong-status", caseNumber, status);
        }
        return to == null ? status : to;
    }

    /** The status this transition leads to; null for {@link #NOTE} (the status stays). */
    public CaseStatus target() {
        return to;
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
            case NOTE -> new CaseNoted(id, number, item, actor, department, step.stepKey(), step.verdict(), at);
        };
    }

    /** Which step a review verdict was recorded at, and the verdict. */
    public record StepVerdict(String stepKey, StepAction verdict) {
    }
}
