package org.tongban.jointreview;

import java.time.Instant;
import java.util.List;
import org.tongban.cases.JointReviewRound;

/**
 * The lead department's (牵头部门) view of a case's joint review, one entry per round. {@code full} is false for a
 * participating department: other departments' reviewers and opinions and the consolidated opinion are left out.
 */
public record JointReviewPanel(String caseNumber, String lead, String leadName, String rule, boolean full,
                               List<Round> rounds) {

    /** {@code sendBackReason}: why the lead sent the review back into this round (null for round 1). */
    public record Round(int round, Instant startedAt, String sendBackReason, List<DepartmentReview> departments,
                        Consolidation consolidation) {
    }

    public record DepartmentReview(String department, String departmentName, JointReviewRound.Status status,
                                   String reviewer, String reviewerName, String opinion, Instant startedAt,
                                   Instant finishedAt, Long secondsTaken) {
    }

    /** The consolidated joint opinion (合并意见) of a round. */
    public record Consolidation(String opinion, String byName, Instant at) {
    }
}
