package org.tongban.jointreview.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.Actor;
import org.tongban.jointreview.JointReviewPanel;
import org.tongban.jointreview.LeadDepartment;

/** The lead department's joint-review panel of a case. */
@RestController
@Tag(name = "Cases (办件)")
class JointReviewController {

    private final LeadDepartment lead;

    JointReviewController(LeadDepartment lead) {
        this.lead = lead;
    }

    @GetMapping("/api/v1/cases/{caseNumber}/joint-review")
    @Operation(summary = "Joint review panel (牵头部门): per round each department's status, reviewer, opinion, times, and the "
            + "consolidated opinion; full for the lead department and supervisors, statuses and own opinion for a "
            + "participating department, 404 for others")
    JointReviewPanel panel(@PathVariable String caseNumber, Actor user) {
        return lead.panel(user, caseNumber);
    }
}
