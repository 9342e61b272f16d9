package org.tongban.licences.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.Actor;
import org.tongban.licences.Licence;
import org.tongban.licences.Licences;

/** E-licence (电子证照) of a granted case: only its applicant and staff who may see the case. */
@RestController
@RequestMapping("/api/v1/cases/{caseNumber}/licence")
@Tag(name = "Licences (电子证照)")
class LicenceController {

    private final Licences licences;

    LicenceController(Licences licences) {
        this.licences = licences;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Licence metadata (number, holder, validity)")
    Licence info(@PathVariable String caseNumber, Actor user) {
        return licences.licence(user, caseNumber);
    }

    /** The reason for a revocation (注销). */
    record Revocation(String reason) {
    }

    @org.springframework.web.bind.annotation.PostMapping(path = "/revocation", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Revoke the licence (注销) with a reason: approvers of the issuing department or administrators; "
            + "audited; verification shows REVOKED from then on (409 licence-not-valid if it is not valid)")
    Licence revoke(@PathVariable String caseNumber, @org.springframework.web.bind.annotation.RequestBody Revocation revocation,
                   Actor user) {
        return licences.revoke(user, caseNumber, revocation == null ? null : revocation.reason());
    }

    @org.springframework.web.bind.annotation.PostMapping(path = "/renewal", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Renew the licence (延续): a new version with the same number, valid for another term; the previous "
            + "version is SUPERSEDED; approvers of the issuing department or administrators; audited")
    Licence renew(@PathVariable String caseNumber, Actor user) {
        return licences.renew(user, caseNumber);
    }

    /** An amendment (变更): why, and the new values by form field key. */
    record Amendment(String reason, java.util.Map<String, Object> changes) {
    }

    @GetMapping(path = "/fields", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The form fields the licence prints, with the values its current version prints: what an amendment may change")
    java.util.List<Licences.AmendableField> fields(@PathVariable String caseNumber, Actor user) {
        return licences.amendableFields(user, caseNumber);
    }

    @org.springframework.web.bind.annotation.PostMapping(path = "/amendment", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Amend the licence (变更) with a reason and new values of fields it prints: a new version with the same "
            + "number and validity, the previous one SUPERSEDED; approvers of the issuing department or administrators; audited "
            + "(400 changes.<key> not-on-licence or the form's own rule; 409 licence-not-valid)")
    Licence amend(@PathVariable String caseNumber, @org.springframework.web.bind.annotation.RequestBody Amendment amendment, Actor user) {
        return licences.amend(user, caseNumber, amendment == null ? null : amendment.reason(), amendment == null ? null : amendment.changes());
    }

    @GetMapping(produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Download the licence PDF")
    ResponseEntity<byte[]> pdf(@PathVariable String caseNumber, Actor user) {
        byte[] pdf = licences.pdf(user, caseNumber);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(caseNumber + ".pdf").build().toString())
                .body(pdf);
    }
}
