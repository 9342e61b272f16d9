package org.tongban.tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tongban.cases.CaseEvent;
import org.tongban.cases.StepAction;
import org.tongban.cases.StepKind;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;
import org.tongban.workflow.StepMoves.ProcessStep;

/**
 * The earlier steps an open step may be returned to (退回), from the case's own history: the trail of completed
 * steps that led to it. A step completed again cuts the trail back to it (a loop, a return or a recall went back
 * there), and so does the open step itself, so a target is always behind the open step on the path the case took:
 * never forward, never a step it has not been to. The applicant's correction step is offered as {@code applicant}.
 */
final class ReturnTargets {

    /** A completion: an action some step kind accepts (the approvers' verdicts and the applicant's resubmission). */
    static final Set<StepAction> COMPLETIONS = Arrays.stream(StepKind.values()).flatMap(k -> k.actions().stream())
            .collect(Collectors.toUnmodifiableSet());

    private ReturnTargets() {
    }

    /** Most recent first (the first is {@code previous}); the applicant last, if the process has a correction step. */
    static List<ReturnTarget> of(List<CaseEvent> history, String openStep, Map<String, ProcessStep> steps) {
        var trail = new ArrayList<String>();
        for (CaseEvent e : history) {
            if (e.stepKey() != null && COMPLETIONS.contains(e.action())) {
                cutAt(trail, e.stepKey());
                trail.add(e.stepKey());
            }
        }
        cutAt(trail, openStep);
        var targets = new ArrayList<ReturnTarget>();
        for (int i = trail.size() - 1; i >= 0; i--) {
            ProcessStep step = steps.get(trail.get(i));
            if (step != null && !StepKind.CORRECTION.category().equals(step.category())) {
                targets.add(new ReturnTarget(step.key(), step.key(), step.name(), step.category()));
            }
        }
        steps.values().stream().filter(s -> StepKind.CORRECTION.category().equals(s.category())).findFirst()
                .ifPresent(s -> targets.add(new ReturnTarget(ReturnTarget.APPLICANT, s.key(), s.name(), s.category())));
        return targets;
    }

    /**
     * The target {@code to} names: {@code previous}, {@code applicant} or an earlier step's key. An unknown step is a
     * bad request (400); a real step that is not behind the open one is 409 {@code return-target-not-earlier}.
     */
    static ReturnTarget choose(String to, List<ReturnTarget> targets, Map<String, ProcessStep> steps, String caseNumber) {
        List<String> allowed = targets.stream().map(ReturnTarget::to).toList();
        String wanted = to == null ? "" : to.strip();
        if (wanted.isEmpty()) {
            throw DomainException.invalid(FieldProblem.of("to", "required", "退回至", "Return to"));
        }
        if (wanted.equals(ReturnTarget.PREVIOUS)) {
            return targets.stream().filter(t -> !t.to().equals(ReturnTarget.APPLICANT)).findFirst()
                    .orElseThrow(() -> DomainException.conflict("return-no-earlier-step", caseNumber));
        }
        var chosen = targets.stream().filter(t -> t.to().equals(wanted)).findFirst();
        if (chosen.isPresent()) {
            return chosen.get();
        }
        if (wanted.equals(ReturnTarget.APPLICANT) || steps.containsKey(wanted)) {
            throw DomainException.conflict("return-target-not-earlier", wanted, caseNumber, allowed);
        }
        var options = new ArrayList<String>(List.of(ReturnTarget.PREVIOUS));
        options.addAll(allowed);
        throw DomainException.invalid(FieldProblem.of("to", "not-an-option", "退回至", "Return to", options));
    }

    private static void cutAt(List<String> trail, String step) {
        int at = trail.indexOf(step);
        if (at >= 0) {
            trail.subList(at, trail.size()).clear();
        }
    }
}
