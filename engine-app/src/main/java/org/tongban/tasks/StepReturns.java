package org.tongban.tasks;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.tongban.cases.CaseEvent;
import org.tongban.cases.CaseRef;
import org.tongban.cases.Cases;
import org.tongban.cases.StepAction;
import org.tongban.cases.StepKind;
import org.tongban.cases.StepRecord;
import org.tongban.identity.Actor;
import org.tongban.identity.Directory;
import org.tongban.identity.Role;
import org.tongban.shared.DomainException;
import org.tongban.catalogue.Catalogue;
import org.tongban.workflow.ProcessInstances;
import org.tongban.workflow.ProcessVariables;
import org.tongban.workflow.RetryingTransaction;
import org.tongban.workflow.StepMoves;
import org.tongban.workflow.StepMoves.ProcessStep;
import org.tongban.workflow.WorkTask;

/**
 * 退回: the holder of an open task sends the case back to an earlier step it passed ({@link ReturnTargets}) or to
 * the applicant (the correction step, the reason being the notice). The returned-to step's tasks go to whoever
 * completed that step last time for the same department if they may still work it, else to the department. The
 * record, the status and the engine's move commit together.
 */
@Service
public class StepReturns {

    private final TaskQueue queue;
    private final Cases cases;
    private final StepMoves moves;
    private final Directory directory;
    private final RetryingTransaction tx;
    private final Catalogue catalogue;
    private final ProcessInstances processes;

    StepReturns(TaskQueue queue, Cases cases, StepMoves moves, Directory directory, RetryingTransaction tx,
                Catalogue catalogue, ProcessInstances processes) {
        this.catalogue = catalogue;
        this.processes = processes;
        this.queue = queue;
        this.cases = cases;
        this.moves = moves;
        this.directory = directory;
        this.tx = tx;
    }

    public void returnTask(Actor user, String taskId, ReturnRequest request) {
        String reason = Reasons.require(request == null ? null : request.reason());
        tx.execute(() -> {
            WorkTask task = queue.visibleTask(user, taskId);
            ApproverOperations.requireHolder(user, task, true);
            CaseRef ref = cases.byProcessInstance(task.processInstanceId());
            List<CaseEvent> history = cases.history(ref);
            Map<String, ProcessStep> steps = moves.steps(task.processInstanceId());
            ReturnTarget target = ReturnTargets.choose(request.to(), ReturnTargets.of(history, task.stepKey(), steps),
                    steps, ref.caseNumber());
            String department = task.departments().stream().filter(user::inDepartment).findFirst().orElse(null);
            String stepName = task.name() + " → " + target.stepName();
            StepKind kind = StepKind.ofCategory(target.stepKind()).orElseThrow();
            cases.recordBack(ref, new StepRecord(user.username(), user.displayName(), department, task.stepKey(),
                            stepName.length() > 100 ? stepName.substring(0, 100) : stepName, StepAction.RETURN, reason,
                            target.stepKey()),
                    kind, target.stepKey());
            if (kind == StepKind.JOINT_REVIEW || kind == StepKind.ACCEPTANCE || kind == StepKind.CORRECTION) {
                // back to the joint review or before it: every department of the item reviews again, in a new round
                // (a send-back may have narrowed the departments and carried the others' verdicts)
                var item = catalogue.require(ref.itemCode());
                item.jointReviewSpec().ifPresent(j -> processes.setVariables(task.processInstanceId(), Map.of(
                        ProcessVariables.REVIEW_DEPARTMENTS, new java.util.ArrayList<>(j.departments()),
                        ProcessVariables.CARRIED_VERDICTS, "",
                        ProcessVariables.JOINT_REVIEW_ROUND, cases.jointReviewRounds(ref).size() + (kind == StepKind.JOINT_REVIEW ? 0 : 1))));
            }
            moves.returnTo(taskId, user.username(), target.stepKey(), reopened -> lastHolder(history, reopened));
            return null;
        });
    }

    /**
     * Who completed this step last time for one of the new task's departments, if they still are an enabled
     * approver of that department; else null (the task goes to the department's queue).
     */
    private String lastHolder(List<CaseEvent> history, WorkTask reopened) {
        for (int i = history.size() - 1; i >= 0; i--) {
            CaseEvent e = history.get(i);
            if (reopened.stepKey().equals(e.stepKey()) && ReturnTargets.COMPLETIONS.contains(e.action())
                    && e.actor() != null && (reopened.departments().isEmpty() || reopened.departments().contains(e.department()))) {
                return directory.activeUser(e.actor())
                        .filter(u -> u.has(Role.APPROVER) && reopened.departments().stream().anyMatch(u::inDepartment))
                        .map(Actor::username).orElse(null);
            }
        }
        return null;
    }
}
