package org.tongban.tasks.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.Actor;
import org.tongban.tasks.ReturnRequest;
import org.tongban.tasks.StepRecalls;
import org.tongban.tasks.StepReturns;
import org.tongban.tasks.TaskView;

/** 退回 and 撤回: an approver moves a case back, from a task they hold or by taking back their own last step. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tasks (待办/已办)")
@PreAuthorize("hasRole('APPROVER')")
class ReturnRecallController {

    private final StepReturns returns;
    private final StepRecalls recalls;

    ReturnRecallController(StepReturns returns, StepRecalls recalls) {
        this.returns = returns;
        this.recalls = recalls;
    }

    @PostMapping(path = "/tasks/{taskId}/return", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Return (退回) the case from my task to an earlier step or to the applicant",
            description = "{\"to\": \"previous\" | \"applicant\" | \"<earlier step key>\", \"reason\": \"...\"}; the task "
                    + "detail lists the allowed targets (returnTargets). 409 return-target-not-earlier, return-no-earlier-step")
    ResponseEntity<Void> returnTask(@PathVariable String taskId, @RequestBody ReturnRequest request, Actor user) {
        returns.returnTask(user, taskId, request);
        return ResponseEntity.noContent().build();
    }

    record Recall(String reason) {
    }

    @PostMapping(path = "/cases/{caseNumber}/recall", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Recall (撤回) my last completed step on the case while the next step is untouched",
            description = "{\"reason\": \"...\"}; answers the reopened task, assigned to me. 409 recall-next-step-started, "
                    + "nothing-to-recall, recall-joint-review-verdict")
    TaskView recall(@PathVariable String caseNumber, @RequestBody Recall request, Actor user) {
        return recalls.recall(user, caseNumber, request == null ? null : request.reason());
    }
}
