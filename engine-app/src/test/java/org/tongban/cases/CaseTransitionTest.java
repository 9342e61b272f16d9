package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tongban.shared.DomainException;

/** The case state machine, as a table: every (transition, status) pair is either legal with its target, or a 409. */
class CaseTransitionTest {

    /** The legal moves, written out independently of the enum: from (null = no case yet) → to. */
    private static final Map<CaseTransition, Map<CaseStatus, CaseStatus>> LEGAL = new EnumMap<>(Map.of(
            CaseTransition.SUBMIT, mapOf(null, CaseStatus.SUBMITTED),
            CaseTransition.REQUEST_CORRECTION, mapOf(CaseStatus.SUBMITTED, CaseStatus.CORRECTION_REQUESTED),
            CaseTransition.RESUBMIT, mapOf(CaseStatus.CORRECTION_REQUESTED, CaseStatus.SUBMITTED),
            CaseTransition.ACCEPT, mapOf(CaseStatus.SUBMITTED, CaseStatus.ACCEPTED),
            CaseTransition.REJECT, mapOf(CaseStatus.SUBMITTED, CaseStatus.REJECTED),
            CaseTransition.REVIEW, mapOf(CaseStatus.ACCEPTED, CaseStatus.ACCEPTED),
            CaseTransition.GRANT, mapOf(CaseStatus.ACCEPTED, CaseStatus.GRANTED),
            CaseTransition.REFUSE, mapOf(CaseStatus.ACCEPTED, CaseStatus.REFUSED),
            CaseTransition.WITHDRAW, mapOf(CaseStatus.SUBMITTED, CaseStatus.WITHDRAWN,
                    CaseStatus.CORRECTION_REQUESTED, CaseStatus.WITHDRAWN, CaseStatus.ACCEPTED, CaseStatus.WITHDRAWN),
            CaseTransition.NOTE, mapOf(CaseStatus.SUBMITTED, CaseStatus.SUBMITTED,
                    CaseStatus.CORRECTION_REQUESTED, CaseStatus.CORRECTION_REQUESTED, CaseStatus.ACCEPTED, CaseStatus.ACCEPTED)));

    static {
        // the lead department's consolidation step: recorded, the case stays accepted
        LEGAL.put(CaseTransition.CONSOLIDATE, mapOf(CaseStatus.ACCEPTED, CaseStatus.ACCEPTED));
        LEGAL.put(CaseTransition.SEND_BACK, mapOf(CaseStatus.ACCEPTED, CaseStatus.ACCEPTED));
    }

    /**
     * The backwards moves: from a status, reopening a step of a kind → the status after (absent: 409). To acceptance
     * the case is SUBMITTED again, to the applicant CORRECTION_REQUESTED, to a review, joint review or decision it
     * stays ACCEPTED; going back never makes a case ACCEPTED that was not.
     */
    private static final Map<CaseTransition, Map<CaseStatus, Map<StepKind, CaseStatus>>> BACK = Map.of(
            CaseTransition.RETURN, Map.of(
                    CaseStatus.SUBMITTED, Map.of(StepKind.CORRECTION, CaseStatus.CORRECTION_REQUESTED,
                            StepKind.ACCEPTANCE, CaseStatus.SUBMITTED),
                    CaseStatus.ACCEPTED, Map.of(StepKind.ACCEPTANCE, CaseStatus.SUBMITTED,
                            StepKind.CORRECTION, CaseStatus.CORRECTION_REQUESTED, StepKind.REVIEW, CaseStatus.ACCEPTED,
                            StepKind.JOINT_REVIEW, CaseStatus.ACCEPTED, StepKind.CONSOLIDATION, CaseStatus.ACCEPTED,
                            StepKind.DECISION, CaseStatus.ACCEPTED)),
            CaseTransition.RECALL, Map.of(
                    CaseStatus.CORRECTION_REQUESTED, Map.of(StepKind.ACCEPTANCE, CaseStatus.SUBMITTED,
                            StepKind.CORRECTION, CaseStatus.CORRECTION_REQUESTED),
                    CaseStatus.ACCEPTED, Map.of(StepKind.ACCEPTANCE, CaseStatus.SUBMITTED,
                            StepKind.CORRECTION, CaseStatus.CORRECTION_REQUESTED, StepKind.REVIEW, CaseStatus.ACCEPTED,
                            StepKind.JOINT_REVIEW, CaseStatus.ACCEPTED, StepKind.CONSOLIDATION, CaseStatus.ACCEPTED,
                            StepKind.DECISION, CaseStatus.ACCEPTED)));

    private static final CaseRef REF = new CaseRef(7, "TB20260101000007", "FOOD-BUSINESS-LICENCE", "zhangwei",
            CaseStatus.SUBMITTED, "pid");
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    static Stream<Arguments> everyPair() {
        var pairs = new ArrayList<Arguments>();
        var statuses = new ArrayList<CaseStatus>(Arrays.asList(CaseStatus.values()));
        statuses.add(null);
        for (CaseTransition t : CaseTransition.values()) {
            for (CaseStatus from : statuses) {
                pairs.add(Arguments.of(t, from));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("everyPair")
    void aTransitionIsLegalExactlyFromTheStatusesOfTheTable(CaseTransition transition, CaseStatus from) {
        if (transition.backwards()) {
            assertBackwards(transition, from);
            return;
        }
        Map<CaseStatus, CaseStatus> legal = LEGAL.get(transition);
        assertThat(legal).as("every transition is in the table").isNotNull();
        if (legal.containsKey(from)) {
            assertThat(transition.allowedFrom(from)).isTrue();
            assertThat(transition.next(from, REF.caseNumber())).isEqualTo(legal.get(from));
        } else {
            assertThat(transition.allowedFrom(from)).isFalse();
            if (from == null) { // a programming error, not a request's: there is no case to report on
                assertThatThrownBy(() -> transition.next(null, REF.caseNumber())).isInstanceOf(IllegalStateException.class);
                return;
            }
            assertThatThrownBy(() -> transition.next(from, REF.caseNumber()))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo("case-wrong-status");
                        assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    });
        }
    }

    private static void assertBackwards(CaseTransition transition, CaseStatus from) {
        Map<CaseStatus, Map<StepKind, CaseStatus>> legal = BACK.get(transition);
        assertThat(legal).as("every backwards transition is in the table").isNotNull();
        assertThatThrownBy(() -> transition.next(from, REF.caseNumber())).isInstanceOf(IllegalStateException.class);
        if (from == null) { // no case: nothing to go back from
            assertThat(transition.allowedFrom(null)).isFalse();
            return;
        }
        assertThat(transition.allowedFrom(from)).isEqualTo(legal.containsKey(from));
        for (StepKind kind : StepKind.values()) {
            CaseStatus expected = legal.getOrDefault(from, Map.of()).get(kind);
            if (expected != null) {
                assertThat(transition.back(from, kind, REF.caseNumber())).as(kind.name()).isEqualTo(expected);
            } else {
                assertThatThrownBy(() -> transition.back(from, kind, REF.caseNumber())).as(kind.name())
                        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("case-wrong-status"));
            }
        }
    }

    @Test
    void onlyReturnAndRecallGoBack() {
        assertThat(Arrays.stream(CaseTransition.values()).filter(CaseTransition::backwards))
                .containsExactly(CaseTransition.RETURN, CaseTransition.RECALL);
        assertThatThrownBy(() -> CaseTransition.ACCEPT.back(CaseStatus.SUBMITTED, StepKind.ACCEPTANCE, "n"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void concludedStatusesHaveNoWayOut() {
        for (CaseStatus status : CaseStatus.values()) {
            boolean anyExit = Arrays.stream(CaseTransition.values())
                    .anyMatch(t -> t.allowedFrom(status) && t.target() != status);
            assertThat(anyExit).as(status.name()).isEqualTo(!status.concluded());
        }
        assertThat(CaseStatus.WITHDRAWN.concluded()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(StepAction.class)
    void everyActionMakesItsTransition(StepAction action) {
        CaseTransition expected = switch (action) {
            case AGREE, DISAGREE -> CaseTransition.REVIEW;
            case CLAIM, UNCLAIM, TRANSFER, DELEGATE, RESOLVE, TAKE_BACK, URGE, CC,
                    NOT_NEEDED, ADD_SIGNER, REMOVE_SIGNER, EDIT_FORM -> CaseTransition.NOTE;
            default -> CaseTransition.valueOf(action.name());
        };
        assertThat(CaseTransition.of(action)).isEqualTo(expected);
    }

    @Test
    void everyTransitionPublishesItsOwnEventCarryingIds() {
        var verdict = new CaseTransition.StepVerdict("review", StepAction.DISAGREE);
        Map<CaseTransition, Object> expected = new EnumMap<>(CaseTransition.class);
        expected.put(CaseTransition.SUBMIT, new CaseSubmitted(7, REF.caseNumber(), REF.itemCode(), "u", AT));
        expected.put(CaseTransition.REQUEST_CORRECTION, new CorrectionRequested(7, REF.caseNumber(), REF.itemCode(), "u", "D", AT));
        expected.put(CaseTransition.RESUBMIT, new CaseResubmitted(7, REF.caseNumber(), REF.itemCode(), "u", AT));
        expected.put(CaseTransition.ACCEPT, new CaseAccepted(7, REF.caseNumber(), REF.itemCode(), "u", "D", AT));
        expected.put(CaseTransition.REJECT, new CaseRejected(7, REF.caseNumber(), REF.itemCode(), "u", "D", AT));
        expected.put(CaseTransition.REVIEW, new StepCompleted(7, REF.caseNumber(), REF.itemCode(), "u", "D", "review",
                StepAction.DISAGREE, AT));
        expected.put(CaseTransition.GRANT, new CaseGranted(7, REF.caseNumber(), REF.itemCode(), AT));
        expected.put(CaseTransition.REFUSE, new CaseRefused(7, REF.caseNumber(), REF.itemCode(), "u", "D", AT));
        expected.put(CaseTransition.WITHDRAW, new CaseWithdrawn(7, REF.caseNumber(), REF.itemCode(), "u", AT));
        expected.put(CaseTransition.CONSOLIDATE, new JointOpinionConsolidated(7, REF.caseNumber(), REF.itemCode(), "u", "D", AT));
        expected.put(CaseTransition.SEND_BACK, new JointReviewSentBack(7, REF.caseNumber(), REF.itemCode(), "u", "D", AT));
        expected.put(CaseTransition.NOTE, new CaseNoted(7, REF.caseNumber(), REF.itemCode(), "u", "D", "review",
                StepAction.DISAGREE, AT));
        expected.put(CaseTransition.RETURN, new CaseReturned(7, REF.caseNumber(), REF.itemCode(), "u", "D", "review", AT));
        expected.put(CaseTransition.RECALL, new StepRecalled(7, REF.caseNumber(), REF.itemCode(), "u", "D", "review", AT));
        assertThat(expected.keySet()).containsExactly(CaseTransition.values());
        expected.forEach((t, event) -> assertThat(t.event(REF, "u", "D", verdict, AT)).as(t.name()).isEqualTo(event));
        List<Class<?>> types = expected.values().stream().<Class<?>>map(Object::getClass).distinct().toList();
        assertThat(types).as("one event type per transition").hasSize(CaseTransition.values().length);
    }

    private static Map<CaseStatus, CaseStatus> mapOf(CaseStatus... fromTo) {
        var map = new java.util.HashMap<CaseStatus, CaseStatus>();
        for (int i = 0; i < fromTo.length; i += 2) {
            map.put(fromTo[i], fromTo[i + 1]);
        }
        return map;
    }
}
