package org.tongban.jointreview;

import java.util.List;
import org.springframework.stereotype.Service;
import org.tongban.catalogue.ServiceItem;
import org.tongban.cases.CaseEvent;
import org.tongban.cases.CaseRef;
import org.tongban.cases.Cases;
import org.tongban.cases.StepAction;
import org.tongban.cases.StepKind;
import org.tongban.workflow.CountersignRule;
import org.tongban.workflow.JointReviews;

/**
 * Joint review (并联审查): whether the lead department may grant. The engine settles each joint-review step by the
 * countersign rule its process definition declares (会签/或签/依次审批/票签, see {@link CountersignRule}) and keeps
 * the outcome; the lead may grant only when that outcome is AGREED.
 */
@Service("jointReviewCountersign") // the bean name "countersign" is the process bean's (workflow)
public class Countersign {

    private final Cases cases;
    private final JointReviews jointReviews;

    Countersign(Cases cases, JointReviews jointReviews) {
        this.cases = cases;
        this.jointReviews = jointReviews;
    }

    /**
     * True when the item has no joint review or its latest joint-review step ended AGREED. A case whose process
     * version predates countersign rules has no outcome: there every reviewing department of the round must agree.
     */
    public boolean allowsGrant(ServiceItem item, CaseRef ref) {
        if (item.jointReview() == null) {
            return true;
        }
        return jointReviews.outcome(ref.processInstanceId())
                .map(outcome -> outcome == CountersignRule.Outcome.AGREED)
                .orElseGet(() -> allAgreed(item.jointReview(), cases.currentRound(ref)));
    }

    /**
     * The rule of process versions before countersign rules: there are verdicts and each department's latest one
     * agrees (a department sent back for another round, or asked again after a return, counts with its latest).
     */
    static boolean allAgreed(ServiceItem.JointReview review, List<CaseEvent> round) {
        var latest = new java.util.LinkedHashMap<String, CaseEvent>();
        round.stream()
                .filter(e -> StepKind.JOINT_REVIEW.actions().contains(e.action()) && review.departments().contains(e.department()))
                .forEach(e -> latest.put(e.department(), e));
        List<CaseEvent> verdicts = List.copyOf(latest.values());
        return !verdicts.isEmpty() && verdicts.stream().allMatch(e -> e.action() == StepAction.AGREE);
    }
}
