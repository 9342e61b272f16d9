package org.tongban.workflow;

import java.util.Set;

/**
 * Names of the process variables the platform itself sets (one place, so BPMN checks and the code that sets
 * them agree). A process may read these and the variables its item declares; nothing else.
 */
public final class ProcessVariables {

    public static final String APPLICANT = "applicant";
    public static final String CASE_NUMBER = "caseNumber";
    public static final String ITEM_CODE = "itemCode";
    public static final String REVIEW_DEPARTMENTS = "reviewDepartments";
    /** Outcome of the acceptance step (ACCEPT, REJECT, REQUEST_CORRECTION). */
    public static final String ACCEPTANCE = "acceptance";
    /** Outcome of the decision step (GRANT, REFUSE). */
    public static final String DECISION = "decision";
    /** Outcome of the lead department's consolidation step (CONSOLIDATE, SEND_BACK). */
    public static final String CONSOLIDATION = "consolidation";
    /** The joint-review round (1 from acceptance, +1 per send-back); {@code reviewDepartments} holds its departments. */
    public static final String JOINT_REVIEW_ROUND = "jointReviewRound";

    /**
     * When the case was last urged (催办), a date; set by the urge, read by the to-do list (so the list stays one
     * statement). Not for processes to read (not in {@link #PLATFORM}).
     */
    public static final String URGED_AT = "urgedAt";

    /**
     * Result of the latest joint-review step (AGREED, DISAGREED), set by the {@code countersign} process bean when
     * the step ends (see {@link CountersignRule}).
     */
    public static final String JOINT_REVIEW_OUTCOME = "jointReviewOutcome";

    /**
     * The verdicts a send-back round carries over from the departments it does not ask again
     * ({@code DEPT=AGREE;DEPT=DISAGREE}); the countersign rule of that round counts them with the new ones, so a
     * round asking one department again is still decided over every department. Empty for a full round.
     */
    public static final String CARRIED_VERDICTS = "carriedVerdicts";

    /** Set by the engine on multi-instance (joint review) executions. */
    public static final Set<String> MULTI_INSTANCE = Set.of("nrOfInstances", "nrOfActiveInstances",
            "nrOfCompletedInstances", "loopCounter");

    public static final Set<String> PLATFORM = Set.of(APPLICANT, CASE_NUMBER, ITEM_CODE, REVIEW_DEPARTMENTS,
            ACCEPTANCE, DECISION, CONSOLIDATION, JOINT_REVIEW_ROUND, JOINT_REVIEW_OUTCOME);

    private ProcessVariables() {
    }
}
