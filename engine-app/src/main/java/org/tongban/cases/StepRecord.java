package org.tongban.cases;

/** An approver's completed step, as the tasks capability reports it to the case. */
public record StepRecord(String actor, String actorName, String department, String stepKey, String stepName, StepAction action,
                         String opinion) {
}
