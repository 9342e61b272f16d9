package org.tongban.tasks;

import java.util.List;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.tongban.cases.CaseRef;
import org.tongban.cases.Cases;
import org.tongban.cases.StepAction;
import org.tongban.cases.StepRecord;
import org.tongban.identity.Actor;
import org.tongban.identity.Directory;
import org.tongban.identity.Role;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.PlainText;
import org.tongban.workflow.RetryingTransaction;
import org.tongban.workflow.WorkTask;

/**
 * What every approver operation on a task shares: one retried transaction; inside the engine command, the
 * visibility check (404), the operation's own rule (409/400) and the history entry (who, department, step,
 * action, reason, target) with its event; the task as it is afterwards.
 */
@Component
class TaskOperation {

    static final int MAX_REASON = 500;

    private final Cases cases;
    private final Directory directory;
    private final RetryingTransaction tx;

    TaskOperation(Cases cases, Directory directory, RetryingTransaction tx) {
        this.cases = cases;
        this.directory = directory;
        this.tx = tx;
    }

    /** The engine operation, given the check to run on the task it reads. */
    interface EngineOperation extends Function<Consumer<Optional<WorkTask>>, WorkTask> {
    }

    /** What to record: the action, and (given the checked task) whether to record at all. */
    record Entry(StepAction action, String reason, String target) {
    }

    TaskView run(Actor user, String taskId, EngineOperation operation, Function<WorkTask, Entry> rule) {
        return tx.execute(() -> {
            CaseRef[] ref = new CaseRef[1];
            WorkTask after = operation.apply(found -> {
                WorkTask task = TaskQueue.workable(user, taskId, found);
                Entry entry = rule.apply(task);
                ref[0] = cases.byProcessInstance(task.processInstanceId());
                if (entry != null) {
                    record(user, task, ref[0], entry);
                }
            });
            return TaskQueue.viewOf(after, ref[0]);
        });
    }

    /** The history entry of an operation on this task, with its event, in the caller's transaction. */
    void record(Actor user, WorkTask task, CaseRef ref, Entry entry) {
        cases.recordStep(ref, new StepRecord(user.username(), user.displayName(), departmentOf(user, task),
                task.stepKey(), task.name(), entry.action(), entry.reason(), entry.target()));
    }

    static String departmentOf(Actor user, WorkTask task) {
        return task.departments().stream().filter(user::inDepartment).findFirst().orElse(null);
    }

    /** A reason (or note, or opinion): stripped, at most 500 plain characters; {@code required}: not blank. */
    static String reason(String field, String text, boolean required) {
        String value = text == null ? "" : text.strip();
        String zh = LABELS.getOrDefault(field, field);
        if (value.isEmpty()) {
            if (required) {
                throw DomainException.invalid(FieldProblem.of(field, "required", zh, field));
            }
            return null;
        }
        if (value.length() > MAX_REASON) {
            throw DomainException.invalid(FieldProblem.of(field, "too-long", zh, field, MAX_REASON));
        }
        if (!PlainText.isPlain(value, true)) {
            throw DomainException.invalid(FieldProblem.of(field, "control-character", zh, field));
        }
        return value;
    }

    private static final java.util.Map<String, String> LABELS = java.util.Map.of(
            "reason", "理由", "opinion", "意见", "note", "附言", "message", "催办内容");

    /** The enabled approvers of the task's departments, but the caller: whom a transfer or delegation may name. */
    List<Colleague> colleagues(Actor user, WorkTask task) {
        return task.departments().stream().flatMap(d -> directory.activeApprovers(d).stream()).distinct()
                .filter(u -> !u.equals(user.username())).sorted()
                .map(u -> new Colleague(u, directory.displayName(u))).toList();
    }

    /**
     * The person a task is handed to (transfer, delegate): someone else, an enabled approver of one of the task's
     * departments; else a 400 on {@code to}.
     */
    String colleague(Actor user, WorkTask task, String to) {
        String name = to == null ? "" : to.strip();
        if (name.isEmpty()) {
            throw DomainException.invalid(FieldProblem.of("to", "required", "接收人", "Recipient"));
        }
        if (name.equals(user.username())) {
            throw DomainException.invalid(FieldProblem.of("to", "not-yourself", PlainText.shown(name, 64)));
        }
        boolean colleague = directory.activeUser(name).filter(u -> u.has(Role.APPROVER))
                .map(u -> u.departments().stream().anyMatch(task.departments()::contains)).orElse(false);
        if (!colleague) {
            throw DomainException.invalid(FieldProblem.of("to", "not-an-approver-of-task", PlainText.shown(name, 64), String.join(", ", task.departments())));
        }
        return name;
    }
}
