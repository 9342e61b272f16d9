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
        if (item.jointReview() == null) {
            return true;
        }
        List<String> reviewers = item.jointReview().departments();
        List<StepAction> verdicts = cases.currentRound(ref).stream()
                .filter(e -> StepKind.JOINT_REVIEW.actions().contains(e.action()) && reviewers.contains(e.department()))
                .map(CaseEvent::action).toList();
        return switch (item.jointReview().rule()) {
            case ALL -> !verdicts.isEmpty() && verdicts.stream().allMatch(a -> a == StepAction.AGREE);
            case ANY -> verdicts.stream().anyMatch(a -> a == StepAction.AGREE);
        };
    }
}
