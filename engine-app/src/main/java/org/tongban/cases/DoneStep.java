package org.tongban.cases;

import java.time.Instant;

/** A step an approver completed, from the case's own history (已办). */
public record DoneStep(String caseNumber, String itemCode, String stepKey, String stepName, String department,
                       StepAction action, String opinion, Instant completedAt) {
}
