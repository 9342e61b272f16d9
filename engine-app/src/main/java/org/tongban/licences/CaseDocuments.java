package org.tongban.licences;

import java.util.List;
import org.springframework.modulith.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditLog;
import org.tongban.cases.CaseAccepted;
import org.tongban.cases.CaseRef;
import org.tongban.cases.CaseRefused;
import org.tongban.cases.CaseRejected;
import org.tongban.cases.Cases;
import org.tongban.cases.CorrectionRequested;
import org.tongban.catalogue.Catalogue;
import org.tongban.identity.Actor;
import org.tongban.licences.internal.DocumentMapper;
import org.tongban.licences.internal.DocumentMapper.DocumentRow;
import org.tongban.licences.internal.LicenceTemplates;
import org.tongban.licences.internal.NoticeIssuer;
import org.tongban.shared.DomainException;

/**
 * The notices (文书) of a case: issued after their step commits, off the approver's request (each step's event waits
 * in the event publication registry until its notice is stored, like the licence), and listed and downloaded by
 * the applicant and the staff who may see the case.
 */
@Service
public class CaseDocuments {

    private final NoticeIssuer issuer;
    private final DocumentMapper mapper;
    private final Cases cases;
    private final Catalogue catalogue;
    private final LicenceTemplates templates;
    private final AuditLog audit;
    private final org.tongban.identity.Directory directory;

    CaseDocuments(NoticeIssuer issuer, DocumentMapper mapper, Cases cases, Catalogue catalogue, LicenceTemplates templates,
                  AuditLog audit, org.tongban.identity.Directory directory) {
        this.directory = directory;
        this.issuer = issuer;
        this.mapper = mapper;
        this.cases = cases;
        this.catalogue = catalogue;
        this.templates = templates;
        this.audit = audit;
    }

    // Each runs asynchronously after its step commits, in its own transaction; renaming one orphans pending events.

    @ApplicationModuleListener
    public void acceptanceNotice(CaseAccepted accepted) {
        issuer.issue(DocumentKind.ACCEPTANCE_NOTICE, accepted.caseId(), accepted.acceptedAt());
    }

    @ApplicationModuleListener
    public void correctionNotice(CorrectionRequested requested) {
        issuer.issue(DocumentKind.CORRECTION_NOTICE, requested.caseId(), requested.requestedAt());
    }

    @ApplicationModuleListener
    public void rejectionDecision(CaseRejected rejected) {
        issuer.issue(DocumentKind.REJECTION_DECISION, rejected.caseId(), rejected.rejectedAt());
    }

    @ApplicationModuleListener
    public void refusalDecision(CaseRefused refused) {
        issuer.issue(DocumentKind.REFUSAL_DECISION, refused.caseId(), refused.refusedAt());
    }

    /** 撤回: the notice of the recalled step (if one was issued) is void; one not yet issued never will be. */
    @ApplicationModuleListener
    public void voidRecalled(org.tongban.cases.StepRecalled recalled) {
        issuer.voidRecalled(recalled.caseId(), recalled.stepKey(), recalled.recalledAt());
    }

    /** The case's notices issued so far, oldest first; 404 for a case the user may not see. */
    public List<CaseDocument> list(Actor user, String caseNumber) {
        CaseRef ref = cases.ref(user, caseNumber);
        return mapper.byCase(ref.id()).stream().map(this::document).toList();
    }

    /** One notice's signed PDF, audited; 404 for another case's notice or a case the user may not see. */
    @Transactional
    public Download pdf(Actor user, String caseNumber, long documentId) {
        CaseRef ref = cases.ref(user, caseNumber);
        DocumentRow row = mapper.withPdf(ref.id(), documentId);
        if (row == null) {
            throw DomainException.notFound("document-not-found", documentId);
        }
        audit.record(user.username(), "DOCUMENT_DOWNLOADED", row.documentNumber, "case " + caseNumber + ", " + row.kind);
        return new Download(document(row), row.pdf);
    }

    /** A notice and its file. */
    public record Download(CaseDocument document, byte[] pdf) {
    }

    /** The issuer is the department the notice was signed for (its row), named as the directory names it now. */
    private CaseDocument document(DocumentRow row) {
        DocumentKind kind = DocumentKind.valueOf(row.kind);
        return new CaseDocument(row.id, kind, row.documentNumber, templates.notice(kind).title().zh(),
                directory.departmentNames().getOrDefault(row.department, row.department), row.issuedAt, row.sha256, row.voidedAt);
    }
}
