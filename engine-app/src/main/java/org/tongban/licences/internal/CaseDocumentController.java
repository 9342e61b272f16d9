package org.tongban.licences.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.Actor;
import org.tongban.licences.CaseDocument;
import org.tongban.licences.CaseDocuments;

/** The notices (文书) of a case: its applicant and staff who may see the case. */
@RestController
@RequestMapping("/api/v1/cases/{caseNumber}/documents")
@Tag(name = "Licences (电子证照)")
class CaseDocumentController {

    private final CaseDocuments documents;

    CaseDocumentController(CaseDocuments documents) {
        this.documents = documents;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The case's notices (受理通知书, 补正告知书, 不予受理决定书, 不予许可决定书) issued so far, oldest first")
    List<CaseDocument> list(@PathVariable String caseNumber, Actor user) {
        return documents.list(user, caseNumber);
    }

    @GetMapping(path = "/{documentId}", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Download a notice: a signed PDF/A-2b in the name of the licensing department; audited")
    ResponseEntity<byte[]> pdf(@PathVariable String caseNumber, @PathVariable long documentId, Actor user) {
        CaseDocuments.Download download = documents.pdf(user, caseNumber, documentId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(caseNumber + "-" + download.document().kind().name().toLowerCase(java.util.Locale.ROOT) + "-"
                                + documentId + ".pdf").build().toString())
                .body(download.pdf());
    }
}
