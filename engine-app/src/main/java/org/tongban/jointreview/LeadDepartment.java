package org.tongban.jointreview;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.tongban.cases.CaseEvent;
import org.tongban.cases.CaseRef;
import org.tongban.cases.Cases;
import org.tongban.cases.JointReviewRound;
import org.tongban.cases.StepAction;
import org.tongban.catalogue.ServiceItem;
import org.tongban.identity.Actor;
import org.tongban.identity.Directory;
import org.tongban.identity.Role;
import org.tongban.shared.DomainException;
import org.tongban.workflow.CountersignRule;
import org.tongban.workflow.JointReviews;
import org.tongban.workflow.StepMoves;
import org.tongban.workflow.ProcessVariables;
import org.tongban.cases.StepKind;

/**
 * The lead department (牵头部门) of a joint review: after the departments' round it writes the consolidated joint
 * opinion (合并意见) or sends the review back to named departments for another round; its panel shows every
 * round. Under the ALL rule (会签) it may grant only after consolidating the latest round.
 */
@Service
public class LeadDepartment {

    private final Cases cases;
    private final Directory directory;

    private final JointReviews jointReviews;
    private final StepMoves moves;

    LeadDepartment(Cases cases, Directory directory, JointReviews jointReviews, StepMoves moves) {
        this.jointReviews = jointReviews;
        this.moves = moves;
        this.cases = cases;
        this.directory = directory;
    }

    /**
     * The outcome variables of the consolidation step; a SEND_BACK first stores the new round of the departments
     * it names (each must take part in the joint review), which the process then reviews again.
     */
    public Map<String, Object> consolidation(CaseRef ref, StepAction action, List<String> departments) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.CONSOLIDATION, action.name());
        if (action == StepAction.SEND_BACK) {
            List<JointReviewRound> past = cases.jointReviewRounds(ref);
            Cases.NewRound round = cases.sendBack(ref, departments);
            variables.put(ProcessVariables.REVIEW_DEPARTMENTS, new java.util.ArrayList<>(round.departments()));
            variables.put(ProcessVariables.CARRIED_VERDICTS, CountersignRule.encode(carried(past, round.departments())));
            variables.put(ProcessVariables.JOINT_REVIEW_ROUND, round.number());
        }
        return variables;
    }

    /**
     * The latest verdict of each department a send-back does not ask again: the new round's countersign rule counts
     * them with the new answers (a department whose task a rule ended, NOT_NEEDED, carries nothing).
     */
    static Map<String, CountersignRule.Verdict> carried(List<JointReviewRound> rounds, List<String> askedAgain) {
        var latest = new java.util.LinkedHashMap<String, CountersignRule.Verdict>();
        for (JointReviewRound round : rounds) {
            for (JointReviewRound.Department d : round.departments()) {
                switch (d.status()) {
                    case AGREED -> latest.put(d.department(), CountersignRule.Verdict.AGREE);
                    case DISAGREED -> latest.put(d.department(), CountersignRule.Verdict.DISAGREE);
                    default -> { }
                }
            }
        }
        askedAgain.forEach(latest::remove);
        return latest;
    }

    /**
     * Whether the lead consolidated the latest round, where the case's process version has a consolidation step
     * (a path around it, e.g. a designer's, does not skip it); true otherwise.
     */
    public boolean consolidated(ServiceItem item, CaseRef ref, String processDefinitionId) {
        return processDefinitionId == null || consolidated(item, ref, moves.stepsOfVersion(processDefinitionId));
    }

    /** 409 {@code consolidation-missing} unless {@link #consolidated}. */
    public void requireConsolidated(ServiceItem item, CaseRef ref) {
        if (!consolidated(item, ref, moves.steps(ref.processInstanceId()))) {
            throw DomainException.conflict("consolidation-missing", ref.caseNumber());
        }
    }

    private boolean consolidated(ServiceItem item, CaseRef ref, Map<String, StepMoves.ProcessStep> steps) {
        if (item.jointReview() == null
                || steps.values().stream().noneMatch(s -> StepKind.CONSOLIDATION.category().equals(s.category()))) {
            return true;
        }
        List<JointReviewRound> rounds = cases.jointReviewRounds(ref);
        return !rounds.isEmpty() && rounds.get(rounds.size() - 1).consolidation() != null;
    }

    /**
     * The lead's panel: every round with each department's status, reviewer, opinion and times, and the
     * consolidated opinion. The lead department's approvers, supervisors and admins see everything; an approver
     * of a participating department sees the statuses and its own department's opinions only; anyone else 404.
     */
    public JointReviewPanel panel(Actor user, String caseNumber) {
        Cases.JointReviewFile file = cases.jointReview(user, caseNumber);
        String lead = file.spec().lead();
        boolean full = user.overseesAllCases() || (user.has(Role.APPROVER) && user.inDepartment(lead));
        boolean participant = user.has(Role.APPROVER) && (file.spec().departments().stream().anyMatch(user::inDepartment)
                || file.rounds().stream().flatMap(r -> r.departments().stream()).anyMatch(d -> user.inDepartment(d.department())));
        if (!full && !participant) {
            throw DomainException.notFound("case-not-found", caseNumber);
        }
        var names = directory.departmentNames();
        List<JointReviewPanel.Round> rounds = file.rounds().stream().map(r -> new JointReviewPanel.Round(r.number(),
                r.startedAt(), r.sentBack() == null ? null : r.sentBack().opinion(),
                r.departments().stream().map(d -> {
                    boolean own = full || user.inDepartment(d.department());
                    CaseEvent v = d.verdict();
                    return new JointReviewPanel.DepartmentReview(d.department(), names.getOrDefault(d.department(), d.department()),
                            d.status(), own && v != null ? v.actor() : null, own && v != null ? v.actorName() : null,
                            own && v != null ? v.opinion() : null, d.startedAt(), d.finishedAt(), d.secondsTaken());
                }).toList(),
                r.consolidation() == null ? null : new JointReviewPanel.Consolidation(full ? r.consolidation().opinion() : null,
                        full ? r.consolidation().actorName() : null, r.consolidation().occurredAt()))).toList();
        return new JointReviewPanel(file.ref().caseNumber(), lead, names.getOrDefault(lead, lead), jointReviews.rule(file.processDefinitionId()).map(r -> r.rule().name()).orElse("ALL"),
                full, rounds);
    }
}
