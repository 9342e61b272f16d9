package org.tongban.licences;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditLog;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.ServiceItem;
import org.tongban.cases.CaseGranted;
import org.tongban.cases.Cases;
import org.tongban.forms.Forms;
import org.tongban.identity.TongbanUser;
import org.tongban.licences.internal.LicenceMapper;
import org.tongban.licences.internal.LicenceMapper.LicenceRow;
import org.tongban.licences.internal.LicenceRenderer;
import org.tongban.licences.internal.LicenceTemplate;
import org.tongban.licences.internal.LicenceTemplates;
import org.tongban.licences.internal.Placeholders;
import org.tongban.shared.ApiException;
import org.tongban.shared.Digests;

/** Issues the e-licence (电子证照) when a case is granted, in the same transaction, and guards its download. */
@Service
public class Licences {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final LicenceMapper mapper;
    private final LicenceTemplates templates;
    private final LicenceRenderer renderer;
    private final Catalogue catalogue;
    private final Forms forms;
    private final Cases cases;
    private final AuditLog audit;

    Licences(LicenceMapper mapper, LicenceTemplates templates, LicenceRenderer renderer, Catalogue catalogue,
             Forms forms, Cases cases, AuditLog audit) {
        this.mapper = mapper;
        this.templates = templates;
        this.renderer = renderer;
        this.catalogue = catalogue;
        this.forms = forms;
        this.cases = cases;
        this.audit = audit;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void issue(CaseGranted granted) {
        ServiceItem item = catalogue.require(granted.itemCode());
        LicenceTemplate template = templates.require(item.licenceTemplate());
        LocalDate issued = LocalDate.ofInstant(granted.grantedAt(), CHINA);
        var values = new HashMap<String, String>();
        forms.require(item.form()).displayValues(granted.formData()).forEach((k, v) -> values.put("form." + k, v));
        values.put("case.number", granted.caseNumber());
        values.put("item.name", item.name().zh());

        var row = new LicenceRow();
        row.caseId = granted.caseId();
        row.itemCode = item.code();
        row.holderName = Placeholders.fill(template.holder().name(), values);
        row.holderId = Placeholders.fill(template.holder().idNumber(), values);
        row.issuer = template.issuer();
        row.issuedAt = granted.grantedAt();
        row.validUntil = issued.plusYears(template.validYears()).minusDays(1);
        row.status = "VALID";
        mapper.insert(row);
        String number = template.numberPrefix() + issued.getYear() + String.format("%06d", row.id % 1_000_000);
        values.put("licence.number", number);
        values.put("licence.validUntil", row.validUntil.format(DateTimeFormatter.ofPattern("yyyy年M月d日")));
        values.put("licence.issuedDate", issued.format(DateTimeFormatter.ofPattern("yyyy年M月d日")));
        values.put("holder.name", row.holderName);
        values.put("holder.idNumber", row.holderId);
        byte[] pdf = renderer.render(template, values, item.name().zh() + " " + granted.caseNumber());
        mapper.attachPdf(row.id, number, Digests.sha256(pdf), pdf);
    }

    /** The licence of a case, for its applicant (the holder's account) and staff who may see the case. */
    public Licence licence(TongbanUser user, String caseNumber) {
        LicenceRow row = visibleLicence(user, caseNumber);
        return new Licence(row.licenceNumber, caseNumber, row.itemCode, row.holderName, row.holderId, row.issuer,
                row.issuedAt, row.validUntil, row.status, row.sha256);
    }

    @Transactional
    public byte[] pdf(TongbanUser user, String caseNumber) {
        LicenceRow row = visibleLicence(user, caseNumber);
        audit.record(user.username(), "LICENCE_DOWNLOADED", row.licenceNumber, "case " + caseNumber);
        return mapper.pdf(row.id).content();
    }

    private LicenceRow visibleLicence(TongbanUser user, String caseNumber) {
        LicenceRow row = mapper.byCase(cases.ref(user, caseNumber).id());
        if (row == null) {
            throw ApiException.notFound("licence-not-found", caseNumber);
        }
        return row;
    }
}
