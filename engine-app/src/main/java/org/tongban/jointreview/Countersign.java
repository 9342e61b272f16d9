package org.tongban.jointreview;

import java.util.List;
import org.springframework.stereotype.Service;
import org.tongban.catalogue.ServiceItem;
import org.tongban.cases.CaseEvent;
import org.tongban.cases.CaseRef;
import org.tongban.cases.Cases;
import org.tongban.cases.StepAction;
import org.tongban.cases.StepKind;

/**
 * Joint review (并联审批) rules: whether the reviewing departments' verdicts allow the lead department to grant.
 * ALL (会签): every department agreed; ANY (或签): at least one agreed.
 */
@Service
public class Countersign {

    private final Cases cases;

    Countersign(Cases cases) {
        this.cases = cases;
    }

    /** True when the item has no joint review or its rule is met by the current round's verdicts. */
    public boolean allowsGrant(ServiceItem item, CaseRef ref) {
        return item.jointReview() == null || allows(item.jointReview(), cases.currentRound(ref));
    }

    /**
     * The rule over the history since acceptance (every round of the joint review): only the reviewing
     * departments' joint-review verdicts count, each department's latest one. ALL: there are verdicts and all agree (the engine opens the decision only after every department of the case's round
     * has reviewed, so the item's current list, which may have changed since, is not asked); ANY: one agreed.
     * Only each department's latest verdict counts: a return (退回) to the joint review asks every department again.
     */
    static boolean allows(ServiceItem.JointReview review, List<CaseEvent> round) {
        // a department sent back for another round counts with its latest verdict (rounds: LeadDepartment)
        var latest = new java.util.LinkedHashMap<String, CaseEvent>();
        round.stream()
                .filter(e -> StepKind.JOINT_REVIEW.actions().contains(e.action()) && review.departments().contains(e.department()))
                .forEach(e -> latest.put(e.department(), e));
        List<CaseEvent> verdicts = List.copyOf(latest.values());
        return switch (review.rule()) {
            case ALL -> !verdicts.isEmpty() && verdicts.stream().allMatch(e -> e.action() == StepAction.AGREE);
            case ANY -> verdicts.stream().anyMatch(e -> e.action() == StepAction.AGREE);
        };
    }
}
