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

    /**
     * Result of the latest joint-review step (AGREED, DISAGREED), set by the {@code countersign} process bean when
     * the step ends (see {@link CountersignRule}).
     */
    public static final String JOINT_REVIEW_OUTCOME = "jointReviewOutcome";

    /** Set by the engine on multi-instance (joint review) executions. */
    public static final Set<String> MULTI_INSTANCE = Set.of("nrOfInstances", "nrOfActiveInstances",
            "nrOfCompletedInstances", "loopCounter");

    public static final Set<String> PLATFORM = Set.of(APPLICANT, CASE_NUMBER, ITEM_CODE, REVIEW_DEPARTMENTS,
            ACCEPTANCE, DECISION, JOINT_REVIEW_OUTCOME);

    private ProcessVariables() {
    }
}
