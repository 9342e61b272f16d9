package org.tongban.tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.tongban.cases.CaseRef;
import org.tongban.cases.Cases;
import org.tongban.cases.StepAction;
import org.tongban.identity.Actor;
import org.tongban.identity.Directory;
import org.tongban.identity.Role;
import org.tongban.notices.NoticeKind;
import org.tongban.notices.Notices;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.PlainText;
import org.tongban.workflow.RetryingTransaction;
import org.tongban.workflow.WorkTask;

/**
 * 抄送: whoever may work a task copies its case to staff for information. Each recipient gets a notice in their
 * CC list and may then see the case and its history read-only (not its materials, not its tasks).
 */
@Service
public class CarbonCopies {

    static final int MAX_RECIPIENTS = 20;

    private final TaskQueue queue;
    private final Cases cases;
    private final Directory directory;
    private final Notices notices;
    private final TaskOperation operation;
    private final RetryingTransaction tx;

    /** The platform's time (tests set it): when steps happen. */
    private final java.time.Clock clock;

    CarbonCopies(TaskQueue queue, Cases cases, Directory directory, Notices notices, TaskOperation operation,
                 RetryingTransaction tx, java.time.Clock clock) {
        this.queue = queue;
        this.clock = clock;
        this.cases = cases;
        this.directory = directory;
        this.notices = notices;
        this.operation = operation;
        this.tx = tx;
    }

    public TaskView copy(Actor user, String taskId, List<String> to, String note) {
        String text = TaskOperation.reason("note", note, false);
        return tx.execute(() -> {
            WorkTask task = queue.visibleTask(user, taskId);
            List<String> recipients = recipients(user, to);
            CaseRef ref = cases.byProcessInstance(task.processInstanceId());
            Instant now = clock.instant();
            operation.record(user, task, ref, new TaskOperation.Entry(StepAction.CC, text, String.join(",", recipients)));
            notices.send(NoticeKind.CC, new Notices.About(ref.id(), ref.caseNumber(), ref.itemCode(), task.name()),
                    recipients, user, text, now);
            return TaskQueue.viewOf(task, ref);
        });
    }

    /** Staff (any role but applicant only), enabled, not the sender; at most 20; every bad name reported at once. */
    private List<String> recipients(Actor user, List<String> to) {
        var names = new LinkedHashSet<String>();
        if (to != null) {
            to.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).forEach(names::add);
        }
        if (names.isEmpty()) {
            throw DomainException.invalid(FieldProblem.of("to", "required", "抄送人", "Recipients"));
        }
        if (names.size() > MAX_RECIPIENTS) {
            throw DomainException.invalid(FieldProblem.of("to", "too-many-recipients", MAX_RECIPIENTS));
        }
        var problems = new ArrayList<FieldProblem>();
        for (String name : names) {
            if (name.equals(user.username())) {
                problems.add(FieldProblem.of("to", "not-yourself", PlainText.shown(name, 64)));
            } else if (directory.activeUser(name).filter(u -> u.roles().stream().anyMatch(r -> r != Role.APPLICANT)).isEmpty()) {
                problems.add(FieldProblem.of("to", "not-a-staff-member", PlainText.shown(name, 64)));
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        return List.copyOf(names);
    }
}
