package org.tongban.tasks;

import java.util.Arrays;
import org.springframework.stereotype.Service;
import org.tongban.cases.CaseRef;
import org.tongban.cases.Cases;
import org.tongban.cases.StepAction;
import org.tongban.cases.StepRecord;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.ServiceItem;
import org.tongban.identity.Actor;
import org.tongban.identity.Directory;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.PlainText;
import org.tongban.workflow.JointReviews;
import org.tongban.workflow.JointReviews.SignerPosition;
import org.tongban.workflow.RetryingTransaction;
import org.tongban.workflow.WorkTask;
import org.tongban.workflow.WorkTasks;

/**
 * 加签 / 减签 while a countersign runs. Allowed to the staff (approvers) of the item's lead department (牵头部门),
 * on any open task of the case's running joint-review step (the case view lists them); anyone else gets 404 as for
 * a task they may not see. The engine change and its history entry (ADD_SIGNER / REMOVE_SIGNER by the lead, the
 * department and position in the opinion, then the reason) commit together; a change racing a completion of the
 * same step is retried, so it either lands in the running round or finds the step over (409).
 */
@Service
public class SignerChanges {

    private static final int MAX_REASON = 500;

    private final WorkTasks tasks;
    private final Cases cases;
    private final Catalogue catalogue;
    private final Directory directory;
    private final JointReviews jointReviews;
    private final RetryingTransaction tx;

    SignerChanges(WorkTasks tasks, Cases cases, Catalogue catalogue, Directory directory, JointReviews jointReviews,
                  RetryingTransaction tx) {
        this.tasks = tasks;
        this.cases = cases;
        this.catalogue = catalogue;
        this.directory = directory;
        this.jointReviews = jointReviews;
        this.tx = tx;
    }

    /** 加签: {@code request.department} signs too, at {@code request.position}. */
    public void add(Actor user, String taskId, SignerRequest request) {
        SignerPosition position = position(request);
        String reason = validate(request);
        tx.execute(() -> {
            Lead lead = lead(user, taskId);
            var signers = jointReviews.addSigner(taskId, request.department().strip(), position);
            cases.recordStep(lead.ref(), new StepRecord(user.username(), user.displayName(), lead.department(),
                    signers.stepKey(), signers.stepName(), StepAction.ADD_SIGNER,
                    "加签 " + request.department().strip() + "（" + position + "）：" + reason, request.department().strip()));
            return null;
        });
    }

    /** 减签: {@code request.department}, which has not answered, no longer signs. */
    public void remove(Actor user, String taskId, SignerRequest request) {
        String reason = validate(request);
        tx.execute(() -> {
            Lead lead = lead(user, taskId);
            var signers = jointReviews.removeSigner(taskId, request.department().strip());
            cases.recordStep(lead.ref(), new StepRecord(user.username(), user.displayName(), lead.department(),
                    signers.stepKey(), signers.stepName(), StepAction.REMOVE_SIGNER,
                    "减签 " + request.department().strip() + "：" + reason, request.department().strip()));
            return null;
        });
    }

    private record Lead(CaseRef ref, String department) {
    }

    /** The case of the task if the caller works for its item's lead department; else 404 as for an unseen task. */
    private Lead lead(Actor user, String taskId) {
        WorkTask task = tasks.open(taskId).orElseThrow(() -> DomainException.notFound("task-not-found", taskId));
        CaseRef ref = cases.byProcessInstance(task.processInstanceId());
        ServiceItem.JointReview review = catalogue.require(ref.itemCode()).jointReview();
        if (review == null || !user.inDepartment(review.lead())) {
            throw DomainException.notFound("task-not-found", taskId);
        }
        return new Lead(ref, review.lead());
    }

    private String validate(SignerRequest request) {
        if (request == null || request.department() == null || request.department().isBlank()) {
            throw DomainException.invalid(FieldProblem.of("department", "required", "部门", "Department"));
        }
        if (directory.department(request.department().strip()).isEmpty()) {
            throw DomainException.invalid(FieldProblem.of("department", "department-unknown", "部门", "Department",
                    request.department().length() > 40 ? request.department().substring(0, 40) : request.department()));
        }
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            throw DomainException.invalid(FieldProblem.of("reason", "required", "原因", "Reason"));
        }
        if (reason.length() > MAX_REASON) {
            throw DomainException.invalid(FieldProblem.of("reason", "too-long", "原因", "Reason", MAX_REASON));
        }
        if (!PlainText.isPlain(reason, true)) {
            throw DomainException.invalid(FieldProblem.of("reason", "control-character", "原因", "Reason"));
        }
        return reason;
    }

    private static SignerPosition position(SignerRequest request) {
        String position = request == null || request.position() == null ? "" : request.position().strip();
        return Arrays.stream(SignerPosition.values()).filter(p -> p.name().equals(position)).findFirst()
                .orElseThrow(() -> DomainException.invalid(FieldProblem.of("position", "signer-position")));
    }
}
