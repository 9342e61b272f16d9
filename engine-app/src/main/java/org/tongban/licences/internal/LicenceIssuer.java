package org.tongban.licences.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.ServiceItem;
import org.tongban.cases.CaseGranted;
import org.tongban.cases.Cases;
import org.tongban.forms.Forms;
import org.tongban.licences.internal.LicenceMapper.LicenceRow;
import org.tongban.shared.Digests;

/**
 * Issues the licence of a granted case, at most once: a grant may be delivered again (after a crash, at restart,
 * or twice at once on two nodes), and the unique key on the case decides which delivery issues it.
 */
@Component
public class LicenceIssuer {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final LicenceMapper mapper;
    private final LicenceTemplates templates;
    private final LicenceRenderer renderer;
    private final Catalogue catalogue;
    private final Forms forms;
    private final Cases cases;

    LicenceIssuer(LicenceMapper mapper, LicenceTemplates templates, LicenceRenderer renderer, Catalogue catalogue,
                  Forms forms, Cases cases) {
        this.mapper = mapper;
        this.templates = templates;
        this.renderer = renderer;
        this.catalogue = catalogue;
        this.forms = forms;
        this.cases = cases;
    }

    /** @return true if this call issued the licence, false if it already existed (a repeated delivery) */
    @Transactional
    public boolean issue(CaseGranted granted) {
        // A repeated delivery (after a restart) stops here; only a concurrent one reaches the unique key below,
        // and a failed insert uses up an id, which would leave a gap in the licence numbers.
        if (mapper.byCase(granted.caseId()) != null) {
            return false;
        }
        Cases.GrantedCase grantedCase = cases.granted(granted.caseId());
        ServiceItem item = catalogue.require(grantedCase.itemCode());
        LicenceTemplate template = templates.require(item.licenceTemplate());
        LocalDate issued = LocalDate.ofInstant(granted.grantedAt(), CHINA);
        var values = new HashMap<String, String>();
        forms.require(item.form(), grantedCase.formVersion()).displayValues(grantedCase.formData()).forEach((k, v) -> values.put("form." + k, v));
        values.put("case.number", grantedCase.caseNumber());
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
        try {
            // Holds the case's unique key until commit: a concurrent delivery waits here, then finds it taken.
            mapper.insert(row);
        } catch (DuplicateKeyException concurrentDelivery) {
            return false;
        }
        String number = template.numberPrefix() + issued.getYear() + String.format("%06d", row.id % 1_000_000);
        values.put("licence.number", number);
        values.put("licence.validUntil", row.validUntil.format(DATE));
        values.put("licence.issuedDate", issued.format(DATE));
        values.put("holder.name", row.holderName);
        values.put("holder.idNumber", row.holderId);
        byte[] pdf = renderer.render(template, values, item.name().zh() + " " + grantedCase.caseNumber());
        mapper.attachPdf(row.id, number, Digests.sha256(pdf), pdf);
        return true;
    }
}
