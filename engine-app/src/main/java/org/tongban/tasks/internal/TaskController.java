package org.tongban.tasks.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.cases.DoneStep;
import org.tongban.identity.Actor;
import java.util.List;
import org.tongban.tasks.ActionRequest;
import org.tongban.tasks.CarbonCopies;
import org.tongban.tasks.Claims;
import org.tongban.tasks.Delegations;
import org.tongban.tasks.Transfers;
import org.tongban.tasks.SignerChanges;
import org.tongban.tasks.SignerRequest;
import org.tongban.tasks.TaskActions;
import org.tongban.tasks.TaskDetail;
import org.tongban.tasks.TaskFilter;
import org.tongban.tasks.TaskPage;
import org.tongban.tasks.TaskQueue;
import org.tongban.tasks.TaskView;
import org.tongban.tasks.StepForm;

/** Approvers' work: queues, task detail, claim, complete and the other operations on a task (docs/approver-operations.md). Only tasks of the caller's departments. */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks (待办/已办)")
@PreAuthorize("hasRole('APPROVER')")
class TaskController {

    private final TaskQueue queue;
    private final TaskActions actions;
    private final Claims claims;
    private final Transfers transfers;
    private final Delegations delegations;
    private final CarbonCopies copies;
    private final SignerChanges signers;

    TaskController(TaskQueue queue, TaskActions actions, Claims claims, Transfers transfers, Delegations delegations,
                   CarbonCopies copies, SignerChanges signers) {
        this.queue = queue;
        this.actions = actions;
        this.claims = claims;
        this.transfers = transfers;
        this.delegations = delegations;
        this.copies = copies;
        this.signers = signers;
    }

    /** Parameters arrive as text so that each bad value becomes a field problem of its own. */
    @GetMapping
    @Operation(summary = "To-do (待办): tasks my departments may claim and tasks I hold; filtered, sorted, paged",
            description = "kind: acceptance|review|joint-review|consolidation|decision; claimed=true also shows colleagues' claimed "
                    + "tasks; mine=true only mine; dueBefore: 2026-12-01 or an instant; sort: createdAt|dueDate[,asc|desc]; "
                    + "page from 0; size 1-100 (20)")
    TaskPage<TaskView> todo(@RequestParam(required = false) String caseNumber, @RequestParam(required = false) String itemCode,
                  @RequestParam(required = false) String kind, @RequestParam(required = false) String claimed,
                  @RequestParam(required = false) String mine, @RequestParam(required = false) String dueBefore,
                  @RequestParam(required = false) String sort, @RequestParam(required = false) String page,
                  @RequestParam(required = false) String size, Actor user) {
        return queue.todo(user, TaskFilter.parse(caseNumber, itemCode, kind, claimed, mine, dueBefore, sort, page, size));
    }

    @GetMapping("/done")
    @Operation(summary = "Done (已办): the steps I completed (case, step, action, opinion), newest first; page from 0, size 1-100 (20)")
    TaskPage<DoneStep> done(@RequestParam(required = false) String page, @RequestParam(required = false) String size,
                  Actor user) {
        return queue.done(user, TaskFilter.page(page, size));
    }

    @GetMapping("/{taskId}/form")
    @Operation(summary = "What this step fills in the case's form (tongban:editableAt): the editable keys and a form-js "
            + "schema of just those fields (no components when the step fills nothing); send the values as 'form' when completing")
    StepForm stepForm(@PathVariable String taskId, Actor user) throws java.io.IOException {
        return queue.stepForm(user, taskId);
    }

    @GetMapping("/{taskId}")
    @Operation(summary = "Task detail with the case, its form data, materials and history")
    TaskDetail detail(@PathVariable String taskId, Actor user) {
        return queue.detail(user, taskId);
    }

    @GetMapping("/{taskId}/colleagues")
    @Operation(summary = "Colleagues a task may be transferred (转办) or delegated (委派) to: the enabled approvers of its departments")
    java.util.List<org.tongban.tasks.Colleague> colleagues(@PathVariable String taskId, Actor user) {
        return transfers.colleagues(user, taskId);
    }

    @PostMapping("/{taskId}/claim")
    @Operation(summary = "Claim (签收) a task of my department")
    TaskView claim(@PathVariable String taskId, Actor user) {
        return claims.claim(user, taskId);
    }

    /** The body of the operations that hand a task on or answer for it; each uses the fields it needs. */
    record OperationRequest(String to, String reason, String opinion) {
    }

    @PostMapping("/{taskId}/unclaim")
    @Operation(summary = "Unclaim (取消签收): the assignee gives the task back to the department's queue; body {reason} optional")
    TaskView unclaim(@PathVariable String taskId, @RequestBody(required = false) OperationRequest request, Actor user) {
        return claims.unclaim(user, taskId, request == null ? null : request.reason());
    }

    @PostMapping("/{taskId}/transfer")
    @Operation(summary = "Transfer (转办) {to, reason}: an approver of the task's departments becomes its assignee")
    TaskView transfer(@PathVariable String taskId, @RequestBody OperationRequest request, Actor user) {
        return transfers.transfer(user, taskId, request.to(), request.reason());
    }

    @PostMapping("/{taskId}/delegate")
    @Operation(summary = "Delegate (委派) {to, reason}: a colleague works the task, it returns to me when they resolve it")
    TaskView delegate(@PathVariable String taskId, @RequestBody OperationRequest request, Actor user) {
        return delegations.delegate(user, taskId, request.to(), request.reason());
    }

    @PostMapping("/{taskId}/resolve")
    @Operation(summary = "Resolve (委派办理完毕) {opinion}: the delegate answers; the task returns to its owner")
    TaskView resolve(@PathVariable String taskId, @RequestBody OperationRequest request, Actor user) {
        return delegations.resolve(user, taskId, request.opinion());
    }

    @PostMapping("/{taskId}/take-back")
    @Operation(summary = "Take back (收回委派) {reason}: the owner ends a pending delegation")
    TaskView takeBack(@PathVariable String taskId, @RequestBody OperationRequest request, Actor user) {
        return delegations.takeBack(user, taskId, request.reason());
    }

    record CopyRequest(List<String> to, String note) {
    }

    @PostMapping("/{taskId}/cc")
    @Operation(summary = "CC (抄送) {to: [usernames], note}: staff may then see the case read-only and find it in GET /cc")
    TaskView cc(@PathVariable String taskId, @RequestBody CopyRequest request, Actor user) {
        return copies.copy(user, taskId, request.to(), request.note());
    }

    @PostMapping("/{taskId}/complete")
    @Operation(summary = "Complete a task with an action: ACCEPT/REJECT/REQUEST_CORRECTION, AGREE/DISAGREE, GRANT/REFUSE")
    ResponseEntity<Void> complete(@PathVariable String taskId, @RequestBody ActionRequest request,
                                  Actor user) {
        actions.complete(user, taskId, request);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/add-signer")
    @Operation(summary = "Add a signer (加签) to the running countersign of this joint-review task (lead department only)",
            description = "position: PARALLEL (parallel countersign) or BEFORE/AFTER the current department (sequential); "
                    + "reason required. 409: countersign-not-running, signer-already-present, signer-position-not-allowed")
    ResponseEntity<Void> addSigner(@PathVariable String taskId, @RequestBody SignerRequest request, Actor user) {
        signers.add(user, taskId, request);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/remove-signer")
    @Operation(summary = "Remove a signer (减签) who has not answered from the running countersign (lead department only)",
            description = "reason required. 409: countersign-not-running, signer-not-present, signer-already-answered, last-signer")
    ResponseEntity<Void> removeSigner(@PathVariable String taskId, @RequestBody SignerRequest request, Actor user) {
        signers.remove(user, taskId, request);
        return ResponseEntity.noContent().build();
    }
}
