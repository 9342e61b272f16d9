package org.tongban.licences;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.modulith.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditLog;
import org.tongban.cases.CaseGranted;
import org.tongban.cases.CaseRef;
import org.tongban.cases.CaseStatus;
import org.tongban.cases.Cases;
import org.tongban.cases.LicenceStates;
import org.tongban.identity.Actor;
import org.tongban.licences.internal.LicenceIssuer;
import org.tongban.licences.internal.LicenceMapper.LicenceRow;
import org.tongban.licences.internal.LicenceMapper;
import org.tongban.forms.FormDefinition;
import org.tongban.forms.Forms;
import org.tongban.forms.ValidatedForm;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;

/**
 * Issues the e-licence (电子证照) of a granted case after the grant commits, off the approver's request, and
 * guards its download. The grant waits in the event publication registry until the licence is committed, so a
 * crash in between delays the licence (it is issued again at restart) but never loses or duplicates it.
 */
@Service
public class Licences implements LicenceStates {

    private final LicenceMapper mapper;
    private final LicenceIssuer issuer;
    private final Cases cases;
    private final AuditLog audit;

    private final String publicBaseUrl;
    private final org.tongban.catalogue.Catalogue catalogue;
    private final org.tongban.licences.internal.LicenceTemplates templates;
    private final Forms forms;

    Licences(LicenceMapper mapper, LicenceIssuer issuer, Cases cases, AuditLog audit,
             org.tongban.catalogue.Catalogue catalogue, org.tongban.licences.internal.LicenceTemplates templates, Forms forms,
             @org.springframework.beans.factory.annotation.Value("${tongban.public-base-url}") String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.catalogue = catalogue;
        this.templates = templates;
        this.forms = forms;
        this.mapper = mapper;
        this.issuer = issuer;
        this.cases = cases;
        this.audit = audit;
    }

    /** Runs asynchronously after the grant commits, in its own transaction; renaming it orphans pending grants. */
    @ApplicationModuleListener
    public void issue(CaseGranted granted) {
        issuer.issue(granted);
    }

    @Override
    public Optional<String> issuedNumber(long caseId) {
        return Optional.ofNullable(mapper.byCase(caseId)).map(row -> row.licenceNumber);
    }

    @Override
    public Optional<IssuedLicence> issued(String licenceNumber) {
        return Optional.ofNullable(mapper.byNumber(licenceNumber))
                .map(r -> new IssuedLicence(r.licenceNumber, r.caseId, r.itemCode, r.status, r.validUntil, r.sha256));
    }

    @Override
    public byte[] pdfOf(String licenceNumber) {
        LicenceRow row = mapper.withPdfByNumber(licenceNumber);
        return row == null ? null : row.pdf;
    }

    /** The licence of a case, for its applicant (the holder's account) and staff who may see the case. */
    public Licence licence(Actor user, String caseNumber) {
        LicenceRow row = visibleLicence(user, caseNumber, false);
        return new Licence(row.licenceNumber, caseNumber, row.itemCode, row.holderName, row.holderId, row.issuer,
                row.issuedAt, row.validUntil, row.status, row.sha256, row.identifier, row.version,
                row.verifyToken == null ? null : publicBaseUrl + "/verify/" + row.verifyToken);
    }

    @Transactional
    public byte[] pdf(Actor user, String caseNumber) {
        LicenceRow row = visibleLicence(user, caseNumber, true);
        audit.record(user.username(), "LICENCE_DOWNLOADED", row.licenceNumber, "case " + caseNumber);
        return row.pdf;
    }

    /**
     * 注销: an approver of the issuing department (or an administrator) revokes a valid licence, giving a reason;
     * audited. Everyone else who may see the case gets 403; a licence that is not valid, 409.
     */
    /**
     * 延续: an approver of the issuing department (or an administrator) renews the case's valid or expired licence:
     * a new version with the same number, valid for another term; the old version is SUPERSEDED. Audited.
     */
    @Transactional
    public Licence renew(Actor user, String caseNumber) {
        LicenceRow row = visibleLicence(user, caseNumber, false);
        requireIssuingDepartment(user, row);
        if (!("VALID".equals(row.status) || "EXPIRED".equals(row.status)) || !issuer.renew(row)) {
            throw DomainException.conflict("licence-not-valid", row.licenceNumber);
        }
        audit.record(user.username(), "LICENCE_RENEWED", row.licenceNumber, "version " + (row.version + 1));
        return licence(user, caseNumber);
    }

    private void requireIssuingDepartment(Actor user, LicenceRow row) {
        String department = templates.require(catalogue.require(row.itemCode).licenceTemplate()).department();
        if (!user.has(org.tongban.identity.Role.ADMIN) && !(user.has(org.tongban.identity.Role.APPROVER) && user.inDepartment(department))) {
            throw DomainException.forbidden("licence-change-not-allowed", department);
        }
    }

    /** A licence field an amendment (变更) may change: the form field's key, labels, type, options and current value. */
    public record AmendableField(String key, String label, String labelEn, String type, Map<String, String> options, Object value) {
    }

    /** The fields the case's current licence prints, with the values it prints: what {@link #amend} may change. */
    public List<AmendableField> amendableFields(Actor user, String caseNumber) {
        LicenceRow row = visibleLicence(user, caseNumber, false);
        requireIssuingDepartment(user, row);
        var item = catalogue.require(row.itemCode);
        FormDefinition form = forms.require(item.form(), cases.granted(row.caseId).formVersion());
        Map<String, Object> data = issuer.faceData(row);
        return templates.require(item.licenceTemplate()).formKeys().stream()
                .flatMap(key -> form.field(key).filter(f -> !f.isContainer() && !f.isComputed()).stream())
                .map(f -> new AmendableField(f.key(), f.label(), f.labelEn(), f.type(), f.options(), data.get(f.key())))
                .toList();
    }

    /**
     * 变更: an approver of the issuing department (or an administrator) amends the case's valid licence, giving a
     * reason and new values for fields the licence prints ({@code changes.<key>}: 400 {@code not-on-licence} for any
     * other key; each value checked by the form's own rules). A new version with the same number and validity; the
     * old one is SUPERSEDED. Audited with the reason and the changed fields; the application's data stays as filed.
     */
    @Transactional
    public Licence amend(Actor user, String caseNumber, String reason, Map<String, Object> changes) {
        String why = reason(reason, "变更原因", "Reason for amendment");
        LicenceRow row = visibleLicence(user, caseNumber, false);
        requireIssuingDepartment(user, row);
        var item = catalogue.require(row.itemCode);
        java.util.Set<String> amendable = amendableFields(user, caseNumber).stream().map(AmendableField::key)
                .collect(java.util.stream.Collectors.toSet());
        if (changes == null || changes.isEmpty()) {
            throw DomainException.invalid(FieldProblem.of("changes", "required", "变更内容", "Changes"));
        }
        var problems = new ArrayList<FieldProblem>();
        changes.keySet().stream().filter(key -> !amendable.contains(key)).sorted()
                .forEach(key -> problems.add(FieldProblem.of("changes." + key, "not-on-licence", key)));
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        Map<String, Object> data = new LinkedHashMap<>(issuer.faceData(row));
        data.putAll(changes);
        FormDefinition form = forms.require(item.form(), cases.granted(row.caseId).formVersion());
        ValidatedForm checked = forms.validate(form, data);
        // only the changed fields are judged: the rest was accepted with the application (a later rule change is not the amendment's)
        checked.problems().stream().filter(p -> changes.keySet().stream().anyMatch(key -> p.field().equals("form." + key)
                        || p.field().startsWith("form." + key + ".") || p.field().startsWith("form." + key + "[")))
                .forEach(p -> problems.add(new FieldProblem("changes." + p.field().substring("form.".length()), p.code(), p.args())));
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        // the printed data as it was, with only the changed keys replaced by their checked values: a value the form's
        // rules would reject today (a date now in the past) is not the amendment's to drop
        Map<String, Object> next = new LinkedHashMap<>(issuer.faceData(row));
        for (String key : changes.keySet()) {
            if (checked.data().containsKey(key)) {
                next.put(key, checked.data().get(key));
            } else {
                next.remove(key);
            }
        }
        if (!"VALID".equals(row.status) || row.validUntil.isBefore(java.time.LocalDate.now(org.tongban.shared.ChinaTime.ZONE))
                || !issuer.amend(row, next, why)) {
            throw DomainException.conflict("licence-not-valid", row.licenceNumber);
        }
        audit.record(user.username(), "LICENCE_AMENDED", row.licenceNumber,
                "version " + (row.version + 1) + "; " + String.join(", ", new java.util.TreeSet<>(changes.keySet())) + "; " + why);
        return licence(user, caseNumber);
    }

    private static String reason(String reason, String label, String labelEn) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500 || !org.tongban.shared.PlainText.isPlain(why, true)) {
            throw DomainException.invalid(FieldProblem.of("reason", why.isEmpty() ? "required" : "bad-value", label, labelEn));
        }
        return why;
    }

    @Transactional
    public Licence revoke(Actor user, String caseNumber, String reason) {
        String why = reason(reason, "注销原因", "Reason for revocation");
        LicenceRow row = visibleLicence(user, caseNumber, false);
        requireIssuingDepartment(user, row);
        if (mapper.revoke(row.id, java.time.Instant.now(), user.username(), why) == 0) {
            throw DomainException.conflict("licence-not-valid", row.licenceNumber);
        }
        audit.record(user.username(), "LICENCE_REVOKED", row.licenceNumber, why);
        return licence(user, caseNumber);
    }

    private LicenceRow visibleLicence(Actor user, String caseNumber, boolean withPdf) {
        CaseRef ref = cases.ref(user, caseNumber);
        LicenceRow row = withPdf ? mapper.withPdfByCase(ref.id()) : mapper.byCase(ref.id());
        if (row == null && ref.status() == CaseStatus.GRANTED) {
            throw DomainException.conflict("licence-being-issued", caseNumber);
        }
        if (row == null) {
            throw DomainException.notFound("licence-not-found", caseNumber);
        }
        return row;
    }
}
