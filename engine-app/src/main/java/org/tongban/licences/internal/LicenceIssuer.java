package org.tongban.licences.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.HashMap;
import java.util.Map;
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
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    static final String REASON = "电子证照签发 (e-licence issued)";

    private final LicenceMapper mapper;
    private final LicenceTemplates templates;
    private final LicenceRenderer renderer;
    private final Catalogue catalogue;
    private final Forms forms;
    private final Cases cases;
    private final PadesSigner signer;
    private final String publicBaseUrl;

    LicenceIssuer(LicenceMapper mapper, LicenceTemplates templates, LicenceRenderer renderer, Catalogue catalogue,
                  Forms forms, Cases cases, PadesSigner signer,
                  @org.springframework.beans.factory.annotation.Value("${tongban.public-base-url}") String publicBaseUrl) {
        this.signer = signer;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
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
        LicenceTemplates.Versioned printed = templates.current(item.licenceTemplate());
        LicenceTemplate template = printed.template();
        LocalDate issued = LocalDate.ofInstant(granted.grantedAt(), CHINA);
        Map<String, String> values = caseValues(grantedCase, item);
        var row = new LicenceRow();
        row.caseId = granted.caseId();
        row.itemCode = item.code();
        row.holderName = Placeholders.fill(template.holder().name(), values);
        row.holderId = Placeholders.fill(template.holder().idNumber(), values);
        row.issuer = template.issuer();
        row.issuedAt = granted.grantedAt();
        row.validUntil = issued.plusYears(template.validYears()).minusDays(1);
        row.status = "VALID";
        row.version = 1;
        try {
            // Holds the case's unique key until commit: a concurrent delivery waits here, then finds it taken.
            mapper.insert(row);
        } catch (DuplicateKeyException concurrentDelivery) {
            return false;
        }
        String number = template.numberPrefix() + issued.getYear() + String.format("%06d", row.id % 1_000_000);
        produce(row, number, row.id, printed, item, grantedCase.caseNumber(), values);
        return true;
    }

    /**
     * 延续: a new version of the case's current licence — the same number and identifier serial, version + 1, valid
     * for the template's years from the end of the current validity (or from today, once expired), printing what the
     * current version prints — rendered and signed like the first; the current one becomes SUPERSEDED. In the
     * caller's transaction; false if it changed meanwhile.
     */
    public boolean renew(LicenceRow current) {
        LicenceTemplate template = templates.require(catalogue.require(current.itemCode).licenceTemplate());
        LocalDate today = LocalDate.now(CHINA);
        LocalDate from = current.validUntil.isBefore(today) ? today : current.validUntil.plusDays(1);
        return newVersion(current, from.plusYears(template.validYears()).minusDays(1), current.faceData, null, false);
    }

    /**
     * 变更: a new version of the case's current licence printing {@code faceData} (the form data with the amended
     * fields), valid until the same day, with the holder read again from it; the current one becomes SUPERSEDED. In
     * the caller's transaction; false if it changed meanwhile.
     */
    public boolean amend(LicenceRow current, Map<String, Object> faceData, String reason) {
        return newVersion(current, current.validUntil, json(faceData), reason, true);
    }

    /** The form data the current version prints: its amended data, else the case's form data. */
    public Map<String, Object> faceData(LicenceRow current) {
        return current.faceData != null ? parse(current.faceData) : cases.granted(current.caseId).formData();
    }

    /** {@code validOnly}: only a VALID licence (an amendment), else VALID or EXPIRED (a renewal); false if it changed meanwhile. */
    private boolean newVersion(LicenceRow current, LocalDate validUntil, String faceData, String reason, boolean validOnly) {
        if (current.identifier == null) {
            return false; // issued before identifiers (V13): it cannot be versioned, only revoked
        }
        Cases.GrantedCase grantedCase = cases.granted(current.caseId);
        ServiceItem item = catalogue.require(grantedCase.itemCode());
        LicenceTemplates.Versioned printed = templates.current(item.licenceTemplate());
        LicenceTemplate template = printed.template();
        if ((validOnly ? mapper.supersedeValid(current.id) : mapper.supersede(current.id)) != 1) {
            return false;
        }
        Map<String, String> values = caseValues(grantedCase, item, faceData == null ? grantedCase.formData() : parse(faceData));
        var row = new LicenceRow();
        row.caseId = current.caseId;
        row.itemCode = current.itemCode;
        row.holderName = Placeholders.fill(template.holder().name(), values);
        row.holderId = Placeholders.fill(template.holder().idNumber(), values);
        row.issuer = current.issuer;
        row.issuedAt = java.time.Instant.now();
        row.validUntil = validUntil;
        row.status = "VALID";
        row.version = current.version + 1;
        row.faceData = faceData;
        row.amendmentReason = reason;
        mapper.insertVersion(row);
        long serial = Long.parseLong(current.identifier.split("\\.")[7]);
        produce(row, current.licenceNumber, serial, printed, item, grantedCase.caseNumber(), values);
        return true;
    }

    private Map<String, String> caseValues(Cases.GrantedCase grantedCase, ServiceItem item) {
        return caseValues(grantedCase, item, grantedCase.formData());
    }

    private Map<String, String> caseValues(Cases.GrantedCase grantedCase, ServiceItem item, Map<String, Object> formData) {
        var values = new HashMap<String, String>();
        forms.require(item.form(), grantedCase.formVersion()).displayValues(formData).forEach((k, v) -> values.put("form." + k, v));
        values.put("case.number", grantedCase.caseNumber());
        values.put("item.name", item.name().zh());
        return values;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static String json(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> parse(String data) {
        try {
            return JSON.readValue(data, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("face data of a licence is not JSON", e);
        }
    }

    /** Renders, signs and stores the file of a licence row (its identifier, token, hash and template version with it). */
    private void produce(LicenceRow row, String number, long serial, LicenceTemplates.Versioned printed, ServiceItem item,
                         String caseNumber, Map<String, String> values) {
        LicenceTemplate template = printed.template();
        LocalDate issued = LocalDate.ofInstant(row.issuedAt, CHINA);
        String identifier = LicenceIdentifier.of(template.typeCode(), template.issuerCode(), serial, row.version);
        String token = newToken();
        values.put("licence.number", number);
        values.put("licence.identifier", identifier);
        values.put("licence.verifyUrl", publicBaseUrl + "/verify/" + token);
        values.put("licence.validUntil", row.validUntil.format(DATE));
        values.put("licence.issuedDate", issued.format(DATE));
        values.put("holder.name", row.holderName);
        values.put("holder.idNumber", row.holderId);
        Calendar created = Calendar.getInstance(java.util.TimeZone.getTimeZone(CHINA));
        created.setTimeInMillis(row.issuedAt.toEpochMilli() / 1000 * 1000); // PDF dates hold whole seconds
        byte[] face = renderer.render(template, template.issuer(), values, template.title().zh() + " " + number,
                item.name().zh() + " " + caseNumber, created, metadata(template, number, identifier, row, issued));
        byte[] pdf = signer.sign(face, template.department(), template.issuer(), REASON, LicenceRenderer.seal(template), created);
        mapper.attachPdf(row.id, number, identifier, token, Digests.sha256(pdf), pdf, printed.version() == 0 ? null : printed.version());
    }

    /** 160 random bits, URL-safe: the verification URL names a licence without any personal data and cannot be guessed. */
    private static String newToken() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The licence's own XMP fields (GB/T 36903-style); a person's ID number stays out of the metadata. */
    private static Map<String, PdfA.Field> metadata(LicenceTemplate template, String number, String identifier,
                                                   LicenceRow row, LocalDate issued) {
        boolean organisation = row.holderId != null && row.holderId.matches("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}")
                && !row.holderId.matches("\\d{17}[0-9X]");
        var fields = PdfA.fields();
        fields.put("licenceName", new PdfA.Field(template.title().zh(), "证照名称 Licence name"));
        fields.put("licenceTypeCode", new PdfA.Field(template.typeCode(), "证照类型代码 Licence type code"));
        fields.put("licenceNumber", new PdfA.Field(number, "证照编号 Licence number"));
        fields.put("licenceIdentifier", new PdfA.Field(identifier, "证照标识 GB/T 36904 identifier"));
        fields.put("issuer", new PdfA.Field(template.issuer(), "颁证单位 Issuer"));
        fields.put("issuerCode", new PdfA.Field(template.issuerCode(), "颁证单位代码 Issuer's unified social credit code"));
        fields.put("holder", new PdfA.Field(row.holderName, "持证主体 Holder"));
        fields.put("holderIdType", new PdfA.Field(organisation ? "统一社会信用代码" : "居民身份证", "持证主体代码类型 Holder identity type"));
        if (organisation) {
            fields.put("holderId", new PdfA.Field(row.holderId, "持证主体代码 Holder's unified social credit code"));
        }
        fields.put("issueDate", new PdfA.Field(issued.toString(), "颁证日期 Issue date"));
        fields.put("validFrom", new PdfA.Field(issued.toString(), "有效期起始 Valid from"));
        fields.put("validUntil", new PdfA.Field(row.validUntil.toString(), "有效期截止 Valid until"));
        return fields;
    }
}
