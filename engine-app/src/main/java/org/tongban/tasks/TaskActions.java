package org.tongban.tasks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.tongban.cases.CaseRef;
import org.tongban.cases.Cases;
import org.tongban.cases.StepAction;
import org.tongban.cases.StepFormEdits;
import org.tongban.cases.StepKind;
import org.tongban.cases.StepRecord;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.ServiceItem;
import org.tongban.identity.Actor;
import org.tongban.jointreview.Countersign;
import org.tongban.jointreview.LeadDepartment;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.PlainText;
import org.tongban.workflow.CountersignRule;
import org.tongban.workflow.ProcessVariables;
import org.tongban.workflow.RetryingTransaction;
import org.tongban.workflow.WorkTask;
import org.tongban.workflow.WorkTasks;
import org.tongban.workflow.WorkTasks.Completion;

/**
 * Approver actions. Completing a task and its domain effects (case status, history, licence) commit in one
 * transaction; when departments complete joint-review tasks at the same moment the engine reports an
 * optimistic-locking conflict (or MySQL a deadlock), and the whole transaction is retried, so the case
 * advances exactly once.
 */
@Service
public class TaskActions {

    private final WorkTasks tasks;
    private final TaskQueue queue;
    private final Cases cases;
    private final Catalogue catalogue;
    private final Countersign countersign;
    private final RetryingTransaction tx;
    private final LeadDepartment lead;
    private final StepFormEdits formEdits;

    TaskActions(WorkTasks tasks, TaskQueue queue, Cases cases, Catalogue catalogue, Countersign countersign,
                RetryingTransaction tx, LeadDepartment lead, StepFormEdits formEdits) {
        this.lead = lead;
        this.formEdits = formEdits;
        this.tasks = tasks;
        this.queue = queue;
        this.cases = cases;
        this.catalogue = catalogue;
        this.countersign = countersign;
        this.tx = tx;
    }

    /** 办理: validates the action for the step, records it on the case and completes the task atomically. */
    public void complete(Actor user, String taskId, ActionRequest request) {
        validate(request);
        tx.execute(() -> {
            completeOnce(user, taskId, request);
            return null;
        });
    }

    /** The checks and the step's record run inside the completing engine command, which reads the task once. */
    private void completeOnce(Actor user, String taskId, ActionRequest request) {
        tasks.complete(taskId, found -> {
            WorkTask task = TaskQueue.workable(user, taskId, found);
            ApproverOperations.requireHolder(user, task, true);
            StepKind kind = StepKind.ofCategory(task.category()).orElseThrow();
            if (!kind.actions().contains(request.action())) {
                throw DomainException.invalid(FieldProblem.of("action", "action-not-allowed", request.action(),
                        kind.actions().stream().sorted().toList()));
            }
            CaseRef ref = cases.byProcessInstance(task.processInstanceId());
            ServiceItem item = catalogue.require(ref.itemCode());
            if (request.action() == StepAction.GRANT) {
                lead.requireConsolidated(item, ref);
                if (!countersign.allowsGrant(item, ref)) {
                    throw DomainException.conflict("joint-review-not-agreed", ref.caseNumber());
                }
            }
            Map<String, Object> variables = new HashMap<>();
            if (kind == StepKind.CONSOLIDATION) {
                variables.putAll(lead.consolidation(ref, request.action(), request.departments()));
            }
            String department = task.departments().stream().filter(user::inDepartment).findFirst().orElse(null);
            // the fields this step fills, before its record: required ones only for an action that moves the case on
            boolean forward = request.action() != StepAction.REJECT && request.action() != StepAction.REQUEST_CORRECTION;
            variables.putAll(formEdits.edit(ref, task.stepKey(), task.name(), department, user, request.form(), forward));
            cases.recordStep(ref, new StepRecord(user.username(), user.displayName(), department, task.stepKey(),
                    task.name(), request.action(), opinion(request)));
            switch (kind) {
                case ACCEPTANCE -> variables.put(ProcessVariables.ACCEPTANCE, request.action().name());
                case DECISION -> variables.put(ProcessVariables.DECISION, request.action().name());
                default -> { }
            }
            // The countersign rule of a joint-review step counts the verdict for the task's department (its one
            // candidate group, also when a person outside it holds the task).
            String signer = task.departments().size() == 1 ? task.departments().get(0) : department;
            WorkTasks.CountersignVerdict verdict = kind == StepKind.JOINT_REVIEW && signer != null
                    ? new WorkTasks.CountersignVerdict(signer, CountersignRule.Verdict.valueOf(request.action().name()))
                    : null;
            return new Completion(variables, verdict);
        });
    }

    private static void validate(ActionRequest request) {
        if (request == null || request.action() == null) {
            throw DomainException.invalid(FieldProblem.of("action", "required", "办理动作", "Action"));
        }
        if (request.action() == StepAction.REQUEST_CORRECTION) {
            if (request.corrections() == null || request.corrections().stream().allMatch(c -> c == null || c.isBlank())) {
                throw DomainException.invalid(FieldProblem.of("corrections", "corrections-required"));
            }
        } else if (request.action().needsOpinion() && (request.opinion() == null || request.opinion().isBlank())) {
            throw DomainException.invalid(FieldProblem.of("opinion", "opinion-required", request.action()));
        }
        String text = opinion(request);
        if (text != null && text.length() > 2000) {
            throw DomainException.invalid(FieldProblem.of("opinion", "too-long", "审批意见", "Opinion", 2000));
        }
        if (text != null && !PlainText.isPlain(text, true)) {
            throw DomainException.invalid(FieldProblem.of(request.action() == StepAction.REQUEST_CORRECTION ? "corrections" : "opinion",
                    "control-character", "审批意见", "Opinion"));
        }
    }

    /** The recorded opinion; a correction request becomes one numbered notice listing everything to fix. */
    private static String opinion(ActionRequest request) {
        if (request.action() != StepAction.REQUEST_CORRECTION) {
            return request.opinion() == null || request.opinion().isBlank() ? null : request.opinion().strip();
        }
        var notice = new StringBuilder(request.opinion() == null || request.opinion().isBlank() ? "" : request.opinion().strip() + "\n");
        List<String> items = request.corrections().stream().filter(c -> c != null && !c.isBlank()).map(String::strip).toList();
        for (int i = 0; i < items.size(); i++) {
            notice.append(i + 1).append(". ").append(items.get(i)).append(i + 1 < items.size() ? "\n" : "");
        }
        return notice.toString();
    }
}
