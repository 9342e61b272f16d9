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
import org.tongban.tasks.ActionRequest;
import org.tongban.tasks.SignerChanges;
import org.tongban.tasks.SignerRequest;
import org.tongban.tasks.TaskActions;
import org.tongban.tasks.TaskDetail;
import org.tongban.tasks.TaskFilter;
import org.tongban.tasks.TaskPage;
import org.tongban.tasks.TaskQueue;
import org.tongban.tasks.TaskView;

/** Approvers' work: queues, task detail, claim and complete. Only tasks of the caller's departments. */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks (待办/已办)")
@PreAuthorize("hasRole('APPROVER')")
class TaskController {

    private final TaskQueue queue;
    private final TaskActions actions;
    private final SignerChanges signers;

    TaskController(TaskQueue queue, TaskActions actions, SignerChanges signers) {
        this.queue = queue;
        this.actions = actions;
        this.signers = signers;
    }

    /** Parameters arrive as text so that each bad value becomes a field problem of its own. */
    @GetMapping
    @Operation(summary = "To-do (待办): tasks my departments may claim and tasks I hold; filtered, sorted, paged",
            description = "kind: acceptance|review|joint-review|decision; claimed=true also shows colleagues' claimed "
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

    @GetMapping("/{taskId}")
    @Operation(summary = "Task detail with the case, its form data, materials and history")
    TaskDetail detail(@PathVariable String taskId, Actor user) {
        return queue.detail(user, taskId);
    }

    @PostMapping("/{taskId}/claim")
    @Operation(summary = "Claim (签收) a task of my department")
    TaskView claim(@PathVariable String taskId, Actor user) {
        return actions.claim(user, taskId);
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
