package org.tongban.cases;

/**
 * An approver's completed step or operation, as the tasks capability reports it to the case; {@code target}: whom
 * an operation acted on (nullable, see {@link CaseEvent}).
 */
public record StepRecord(String actor, String actorName, String department, String stepKey, String stepName, StepAction action,
                         String opinion, String target) {

    /** tb_case_event.target holds 512 characters: a long list of names is cut there (the notices keep them all). */
    public StepRecord {
        if (target != null && target.length() > 512) {
            target = target.substring(0, 509) + "...";
        }
    }

    public StepRecord(String actor, String actorName, String department, String stepKey, String stepName, StepAction action,
                      String opinion) {
        this(actor, actorName, department, stepKey, stepName, action, opinion, null);
    }
}
