package org.tongban.tasks.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.Actor;
import org.tongban.tasks.Urges;

/** 催办: the applicant, the lead department's staff or a supervisor remind a case's current holders. */
@RestController
@Tag(name = "Cases (办件)")
class UrgeController {

    private final Urges urges;

    UrgeController(Urges urges) {
        this.urges = urges;
    }

    record UrgeRequest(String message) {
    }

    @PostMapping("/api/v1/cases/{caseNumber}/urge")
    @Operation(summary = "Urge (催办) {message}: the holders of the case's open steps get a notice; once an hour per case and person")
    Urges.Urged urge(@PathVariable String caseNumber, @RequestBody(required = false) UrgeRequest request, Actor user) {
        return urges.urge(user, caseNumber, request == null ? null : request.message());
    }
}
