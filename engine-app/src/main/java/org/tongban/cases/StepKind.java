package org.tongban.cases;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The kind of a process step, given by the BPMN user task's {@code flowable:category}; it fixes which actions
 * an approver may take there and how each moves the case.
 */
public enum StepKind {
    ACCEPTANCE("acceptance", Set.of(StepAction.ACCEPT, StepAction.REJECT, StepAction.REQUEST_CORRECTION)),
    REVIEW("review", Set.of(StepAction.AGREE, StepAction.DISAGREE)),
    JOINT_REVIEW("joint-review", Set.of(StepAction.AGREE, StepAction.DISAGREE)),
    DECISION("decision", Set.of(StepAction.GRANT, StepAction.REFUSE)),
    /** The lead department (牵头部门) after a joint review: consolidate the opinions or send back for another round. */
    CONSOLIDATION("consolidation", Set.of(StepAction.CONSOLIDATE, StepAction.SEND_BACK)),
    CORRECTION("correction", Set.of(StepAction.RESUBMIT));

    private final String category;
    private final Set<StepAction> actions;

    StepKind(String category, Set<StepAction> actions) {
        this.category = category;
        this.actions = actions;
    }

    public String category() {
        return category;
    }

    public Set<StepAction> actions() {
        return actions;
    }

    public static Optional<StepKind> ofCategory(String category) {
        return Arrays.stream(values()).filter(k -> k.category.equals(category)).findFirst();
    }
}
