package org.tongban.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One round of a case's joint review (并联审查), read from the case history: the first round starts when the
 * case is accepted, each send-back by the lead department (牵头部门) starts the next round for the departments it
 * names. Opinions stay in the history; a verdict belongs to the round in which it was recorded.
 *
 * @param number      1, 2, ... in the order the rounds started
 * @param startedAt   when the round's tasks were created (the acceptance or the send-back)
 * @param sentBack    the lead's send-back that started this round (its opinion is the reason); null for round 1
 * @param departments each participating department's state in this round, in the round's order
 * @param consolidation the lead's consolidated joint opinion (合并意见) of this round; null if none yet
 */
public record JointReviewRound(int number, Instant startedAt, CaseEvent sentBack, List<Department> departments,
                               CaseEvent consolidation) {

    /** Where a department stands in a round. */
    public enum Status { PENDING, AGREED, DISAGREED, NOT_NEEDED }

    /** A department of the round and its verdict (null while pending). */
    public record Department(String department, Status status, CaseEvent verdict, Instant startedAt) {

        public Instant finishedAt() {
            return verdict == null ? null : verdict.occurredAt();
        }

        /** Time taken from the round's start to the verdict, in seconds; null while pending. */
        public Long secondsTaken() {
            return verdict == null || startedAt == null ? null
                    : Math.max(0, Duration.between(startedAt, verdict.occurredAt()).toSeconds());
        }
    }

    /**
     * The rounds in a case's history. {@code firstRound} are the departments of a round started by acceptance
     * (the item's joint review); {@code sentBackTo} the departments each send-back named, by round number.
     * Verdicts (AGREE, DISAGREE, and a countersign's NOT_NEEDED) of departments other than the lead count for the
     * round that is open when they are recorded, until the lead consolidates it or sends it back.
     */
    public static List<JointReviewRound> of(List<CaseEvent> history, String lead, List<String> firstRound,
                                            Map<Integer, List<String>> sentBackTo) {
        var rounds = new ArrayList<JointReviewRound>();
        var reviewSteps = new java.util.HashSet<String>();
        Builder open = null;
        for (CaseEvent e : history) {
            // a return (退回) to the joint review starts a new round for the item's departments, as acceptance does
            boolean returnedToReview = e.action() == StepAction.RETURN && e.target() != null && reviewSteps.contains(e.target());
            if (e.action() == StepAction.ACCEPT || e.action() == StepAction.SEND_BACK || returnedToReview) {
                if (open != null) {
                    rounds.add(open.build());
                }
                int number = rounds.size() + 1;
                boolean sentBack = e.action() == StepAction.SEND_BACK;
                open = new Builder(number, e.occurredAt(), sentBack ? e : null,
                        sentBack ? sentBackTo.getOrDefault(number, List.of()) : firstRound);
            } else if (open != null && open.consolidation == null) {
                if (e.action() == StepAction.CONSOLIDATE) {
                    open.consolidation = e;
                } else if (e.action() == StepAction.ADD_SIGNER && e.target() != null && !open.departments.contains(e.target())) {
                    open.departments.add(e.target()); // 加签: the department signs in this round too
                } else if (e.action() == StepAction.REMOVE_SIGNER && e.target() != null && !open.verdicts.containsKey(e.target())) {
                    open.departments.remove(e.target()); // 减签: it no longer signs
                } else if (isVerdict(e) && e.department() != null && !e.department().equals(lead)) {
                    open.verdicts.put(e.department(), e);
                    reviewSteps.add(e.stepKey());
                }
            }
        }
        if (open != null) {
            rounds.add(open.build());
        }
        return rounds;
    }

    /** AGREE, DISAGREE, or NOT_NEEDED (a countersign rule ended the department's task). */
    private static boolean isVerdict(CaseEvent e) {
        return e.action() == StepAction.AGREE || e.action() == StepAction.DISAGREE || "NOT_NEEDED".equals(e.action().name());
    }

    private static Status statusOf(CaseEvent verdict) {
        if (verdict == null) {
            return Status.PENDING;
        }
        return switch (verdict.action()) {
            case AGREE -> Status.AGREED;
            case DISAGREE -> Status.DISAGREED;
            default -> Status.NOT_NEEDED;
        };
    }

    private static final class Builder {
        final int number;
        final Instant startedAt;
        final CaseEvent sentBack;
        final List<String> departments;
        final Map<String, CaseEvent> verdicts = new LinkedHashMap<>();
        CaseEvent consolidation;

        Builder(int number, Instant startedAt, CaseEvent sentBack, List<String> departments) {
            this.number = number;
            this.startedAt = startedAt;
            this.sentBack = sentBack;
            this.departments = new ArrayList<>(departments);
        }

        JointReviewRound build() {
            var all = new ArrayList<String>(departments);
            verdicts.keySet().stream().filter(d -> !all.contains(d)).forEach(all::add); // e.g. an added signer
            var states = all.stream().map(d -> new Department(d, statusOf(verdicts.get(d)), verdicts.get(d), startedAt)).toList();
            return new JointReviewRound(number, startedAt, sentBack, states, consolidation);
        }
    }
}
