package org.tongban.cases;

import java.time.Instant;

/**
 * The lead department sent the joint review back to some departments for another round; the status stays
 * ACCEPTED. Ids only: the departments and the round are in the case's joint review ({@code Cases.jointReview}).
 */
public record JointReviewSentBack(long caseId, String caseNumber, String itemCode, String actor, String department,
                                  Instant sentBackAt) {
}
