package org.tongban.tasks;

import java.util.List;
import org.springframework.stereotype.Service;
import org.tongban.cases.CaseEvent;
import org.tongban.cases.CaseRef;
import org.tongban.cases.Cases;
import org.tongban.cases.StepAction;
import org.tongban.cases.StepKind;
import org.tongban.cases.StepRecord;
import org.tongban.identity.Actor;
import org.tongban.identity.Role;
import org.tongban.shared.DomainException;
import org.tongban.workflow.RetryingTransaction;
import org.tongban.workflow.StepMoves;
import org.tongban.workflow.StepMoves.ProcessStep;
import org.tongban.workflow.WorkTask;
import org.tongban.workflow.WorkTasks;

/**
 * 撤回 (by an approver): takes back one's own last completed step on a case while the step that followed is
 * untouched: nothing has been recorded on the case since (no verdict, return or recall) and none of the open
 * tasks is claimed or delegated (checked by the engine command, which races a claim safely). The step reopens
 * assigned to the approver; the case gets that step's status again.
 *
 * <p>A joint-review verdict is not recalled (409 {@code recall-joint-review-verdict}): it counts toward the
 * countersign rule the moment it is given (under any-sign or veto it may already have ended the step for every
 * department), and re-adding one department's instance would make the rule forget a vote it may have acted on.
 * The lead department can return the case to the joint review instead (a new round for every department).
 */
@Service
public class StepRecalls {

    private final Cases cases;
    private final StepMoves moves;
    private final WorkTasks tasks;
    private final RetryingTransaction tx;

    StepRecalls(Cases cases, StepMoves moves, WorkTasks tasks, RetryingTransaction tx) {
        this.cases = cases;
        this.moves = moves;
        this.tasks = tasks;
        this.tx = tx;
    }

    /** Returns the reopened task. */
    public TaskView recall(Actor user, String caseNumber, String reason) {
        String why = Reasons.require(reason);
        return tx.execute(() -> {
            CaseRef ref = cases.ref(user, caseNumber);
            // lock the open steps first, then read the history: a completion racing the recall has either
            // committed (its verdict is read below: 409) or waits and finds its task moved
            moves.lockOpenTasks(ref.processInstanceId());
            List<CaseEvent> history = cases.history(ref);
            int mine = -1;
            for (int i = history.size() - 1; i >= 0 && mine < 0; i--) {
                CaseEvent e = history.get(i);
                if (user.username().equals(e.actor()) && e.stepKey() != null && ReturnTargets.COMPLETIONS.contains(e.action())) {
                    mine = i;
                }
            }
            if (mine < 0) {
                throw DomainException.conflict("nothing-to-recall", caseNumber);
            }
            if (mine < history.size() - 1 && history.get(mine + 1).action() == StepAction.RECALL
                    && user.username().equals(history.get(mine + 1).actor())) {
                throw DomainException.conflict("nothing-to-recall", caseNumber);
            }
            if (mine < history.size() - 1) {
                throw DomainException.conflict("recall-next-step-started", caseNumber);
            }
            CaseEvent step = history.get(mine);
            if (step.action() == StepAction.SEND_BACK) { // its round has started; the lead consolidates it instead
                throw DomainException.conflict("recall-send-back", caseNumber);
            }
            if (step.department() != null && !(user.has(Role.APPROVER) && user.inDepartment(step.department()))) {
                throw DomainException.conflict("nothing-to-recall", caseNumber); // no longer of the step's department
            }
            ProcessStep model = moves.steps(ref.processInstanceId()).get(step.stepKey());
            StepKind kind = model == null ? null : StepKind.ofCategory(model.category()).orElse(null);
            if (kind == null) { // the process ended: the step concluded the case
                throw DomainException.conflict("case-wrong-status", caseNumber, ref.status());
            }
            if (kind == StepKind.JOINT_REVIEW) {
                throw DomainException.conflict("recall-joint-review-verdict", caseNumber);
            }
            cases.recordBack(ref, new StepRecord(user.username(), user.displayName(), step.department(), step.stepKey(),
                    step.stepName(), StepAction.RECALL, why), kind, step.stepKey());
            moves.recall(ref.processInstanceId(), step.stepKey(), user.username(), StepKind.CORRECTION.category());
            WorkTask reopened = tasks.ofProcess(ref.processInstanceId()).stream()
                    .filter(t -> t.stepKey().equals(step.stepKey())).findFirst().orElseThrow();
            return TaskQueue.viewOf(reopened, ref);
        });
    }
}
