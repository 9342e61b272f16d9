package org.tongban.timelimits.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.Actor;
import org.tongban.timelimits.CaseClock;
import org.tongban.timelimits.CaseClocks;
import org.tongban.timelimits.SpecialProcedure;

/** A case's statutory clock (办理时限) and its special procedures (特别程序). */
@RestController
@RequestMapping("/api/v1/cases/{caseNumber}")
@Tag(name = "Calendar and deadlines (工作日历、期限)")
class CaseClockController {

    private final CaseClocks clocks;

    CaseClockController(CaseClocks clocks) {
        this.clocks = clocks;
    }

    @GetMapping(path = "/clock", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The case's clock: state, statutory and promised deadline dates, working days left (negative when "
            + "overdue), pauses (corrections after acceptance, special procedures); whoever may see the case")
    CaseClock clock(@PathVariable String caseNumber, Actor user) {
        return clocks.clock(user, caseNumber);
    }

    /** A special procedure as the approver starts it. */
    record Start(SpecialProcedure kind, String reason, String legalBasis) {
    }

    @PostMapping(path = "/special-procedures", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a special procedure (特别程序: HEARING, TENDER_AUCTION, INSPECTION_TESTING, APPRAISAL, "
            + "EXPERT_REVIEW, PUBLIC_NOTICE) with reason and legal basis: the clock pauses; approvers holding a current step; "
            + "409 special-procedure-open / case-wrong-status; audited")
    CaseClock start(@PathVariable String caseNumber, @RequestBody Start start, Actor user) {
        return clocks.start(user, caseNumber, start == null ? null : start.kind(), start == null ? null : start.reason(),
                start == null ? null : start.legalBasis());
    }

    @PostMapping(path = "/special-procedures/{id}/end", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "End the open special procedure: the clock runs again; audited")
    CaseClock end(@PathVariable String caseNumber, @PathVariable long id, Actor user) {
        return clocks.end(user, caseNumber, id);
    }
}
