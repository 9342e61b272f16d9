package org.tongban.licences.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.ServiceItem;
import org.tongban.cases.CaseEvent;
import org.tongban.cases.Cases;
import org.tongban.cases.StepAction;
import org.tongban.identity.Directory;
import org.tongban.licences.DocumentKind;
import org.tongban.licences.internal.DocumentMapper.DocumentRow;
import org.tongban.shared.Digests;

/**
 * Issues the notice (文书) of a step after the step commits: rendered from the kind's template, signed in the name of
 * the item's licensing department (its licence template's issuer and key), stored with the case. At most once per
 * step: a repeated delivery of the step's event finds the row of (case, kind, time) and stops.
 */
@Component
public class NoticeIssuer {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final DocumentMapper mapper;
    private final LicenceTemplates templates;
    private final LicenceRenderer renderer;
    private final PadesSigner signer;
    private final Catalogue catalogue;
    private final Cases cases;
    private final Directory directory;

    NoticeIssuer(DocumentMapper mapper, LicenceTemplates templates, LicenceRenderer renderer, PadesSigner signer,
                 Catalogue catalogue, Cases cases, Directory directory) {
        this.mapper = mapper;
        this.templates = templates;
        this.renderer = renderer;
        this.signer = signer;
        this.catalogue = catalogue;
        this.cases = cases;
        this.directory = directory;
    }

    /** The step each kind records in the case history. */
    static StepAction action(DocumentKind kind) {
        return switch (kind) {
            case ACCEPTANCE_NOTICE -> StepAction.ACCEPT;
            case CORRECTION_NOTICE -> StepAction.REQUEST_CORRECTION;
            case REJECTION_DECISION -> StepAction.REJECT;
            case REFUSAL_DECISION -> StepAction.REFUSE;
        };
    }

    /** @return true if this call issued the document, false if it already existed (a repeated delivery) */
    @Transactional
    public boolean issue(DocumentKind kind, long caseId, Instant actedAt) {
        Cases.NoticeFacts facts = cases.noticeFacts(caseId);
        int step = stepOf(facts, action(kind), actedAt);
        if (step < 0 || recalled(facts, step)) {
            return false; // taken back (撤回) before its notice was issued: there is nothing to notify
        }
        int ordinal = ordinal(facts, step);
        if (mapper.byStep(caseId, kind.name(), ordinal) != null) {
            return false;
        }
        ServiceItem item = catalogue.require(facts.itemCode());
        LicenceTemplate licensing = templates.require(item.licenceTemplate());
        NoticeTemplate template = templates.notice(kind);
        var row = new DocumentRow();
        row.caseId = caseId;
        row.kind = kind.name();
        row.stepOrdinal = ordinal;
        row.actedAt = actedAt.truncatedTo(ChronoUnit.SECONDS);
        row.department = licensing.department();
        row.issuedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try {
            mapper.insert(row); // the unique step key: a concurrent delivery waits here, then finds it taken
        } catch (DuplicateKeyException concurrentDelivery) {
            return false;
        }
        Map<String, String> values = values(kind, facts, item, actedAt);
        LocalDate issued = LocalDate.ofInstant(row.issuedAt, CHINA);
        values.put("document.year", String.valueOf(issued.getYear()));
        values.put("document.serial", String.format("%06d", row.id % 1_000_000));
        values.put("document.date", issued.format(DATE));
        String number = template.reference() == null ? kind.name() + "-" + row.id : Placeholders.fill(template.reference(), values);
        byte[] pdf = render(kind, item, licensing, values, number, facts.caseNumber(), row.issuedAt);
        mapper.attachPdf(row.id, number, Digests.sha256(pdf), pdf);
        return true;
    }

    /**
     * The designer's preview of a notice for an item (文书模板预览): sample values, each shown as what it stands for in
     * 〈〉, a sample opinion, serial 0; signed like an issued one, nothing stored.
     */
    public byte[] preview(DocumentKind kind, ServiceItem item) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String today = LocalDate.ofInstant(now, CHINA).format(DATE);
        var values = new HashMap<String, String>(Map.of("applicant.name", "〈申请人〉", "case.number", "〈办件编号〉",
                "case.submittedDate", today, "item.name", item.name().zh(), "item.where", item.where() == null ? "" : item.where().zh(),
                "item.statutoryDays", String.valueOf(item.statutoryDays()), "item.promisedDays", String.valueOf(item.promisedDays()),
                "act.date", today, "act.opinion", "〈审批意见：补正清单或理由〉", "act.department", "〈办理部门〉"));
        values.put("document.year", String.valueOf(LocalDate.ofInstant(now, CHINA).getYear()));
        values.put("document.serial", "000000");
        values.put("document.date", today);
        NoticeTemplate template = templates.notice(kind);
        String number = template.reference() == null ? kind.name() : Placeholders.fill(template.reference(), values);
        return render(kind, item, templates.require(item.licenceTemplate()), values, number, "〈办件编号〉", now);
    }

    private byte[] render(DocumentKind kind, ServiceItem item, LicenceTemplate licensing, Map<String, String> values,
                          String number, String caseNumber, Instant issuedAt) {
        NoticeTemplate template = templates.notice(kind);
        LocalDate issued = LocalDate.ofInstant(issuedAt, CHINA);
        values.put("document.number", number);
        Calendar created = Calendar.getInstance(java.util.TimeZone.getTimeZone(CHINA));
        created.setTimeInMillis(issuedAt.toEpochMilli());
        var metadata = PdfA.fields();
        metadata.put("documentKind", new PdfA.Field(template.title().zh(), "文书种类 Kind of notice"));
        metadata.put("documentNumber", new PdfA.Field(number, "文书编号 Notice number"));
        metadata.put("caseNumber", new PdfA.Field(caseNumber, "办件编号 Case number"));
        metadata.put("issuer", new PdfA.Field(licensing.issuer(), "发文机关 Issuer"));
        metadata.put("issuerCode", new PdfA.Field(licensing.issuerCode(), "发文机关代码 Issuer's unified social credit code"));
        metadata.put("issueDate", new PdfA.Field(issued.toString(), "发文日期 Issue date"));
        byte[] face = renderer.render(template, licensing.issuer(), values, template.title().zh() + " " + number,
                item.name().zh() + " " + caseNumber, created, metadata);
        return signer.sign(face, licensing.department(), licensing.issuer(), template.title().zh() + " (" + kind.name() + ")",
                LicenceRenderer.seal(template), created);
    }

    /**
     * The placeholders of a notice: applicant.name (the verified identity's name, else the account's), case.number,
     * case.submittedDate, item.name, item.where, item.statutoryDays, item.promisedDays, act.date, act.opinion (the
     * reason or the correction list, as recorded), act.department.
     */
    private Map<String, String> values(DocumentKind kind, Cases.NoticeFacts facts, ServiceItem item, Instant actedAt) {
        var values = new HashMap<String, String>();
        Map<String, String> profile = directory.verifiedProfile(facts.applicant());
        values.put("applicant.name", profile.getOrDefault("profile.companyName",
                profile.getOrDefault("profile.name", directory.displayName(facts.applicant()))));
        values.put("case.number", facts.caseNumber());
        values.put("case.submittedDate", LocalDate.ofInstant(facts.submittedAt(), CHINA).format(DATE));
        values.put("item.name", item.name().zh());
        values.put("item.where", item.where() == null ? "" : item.where().zh());
        values.put("item.statutoryDays", String.valueOf(item.statutoryDays()));
        values.put("item.promisedDays", String.valueOf(item.promisedDays()));
        values.put("act.date", LocalDate.ofInstant(actedAt, CHINA).format(DATE));
        int step = stepOf(facts, action(kind), actedAt);
        if (step >= 0) {
            CaseEvent e = facts.history().get(step);
            values.put("act.opinion", e.opinion() == null ? "" : e.opinion());
            values.put("act.department", e.department() == null ? "" : directory.departmentNames().getOrDefault(e.department(), e.department()));
        }
        return values;
    }

    /**
     * The position in the history of a step's entry: the last of its action up to a second after the event's time,
     * in history order (the history may keep whole seconds only, so two steps in one second — equal records — are
     * told apart by their position); else the nearest; -1 if none.
     */
    private static int stepOf(Cases.NoticeFacts facts, StepAction action, Instant at) {
        List<CaseEvent> history = facts.history();
        Instant until = at.plusSeconds(1); // the history's time may be taken a moment after the event's, or rounded
        int found = -1;
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).action() == action && !history.get(i).occurredAt().isAfter(until)) {
                found = i;
            }
        }
        if (found < 0) {
            for (int i = 0; i < history.size(); i++) {
                if (history.get(i).action() == action && (found < 0 || Duration.between(history.get(i).occurredAt(), at).abs()
                        .compareTo(Duration.between(history.get(found).occurredAt(), at).abs()) < 0)) {
                    found = i;
                }
            }
        }
        return found;
    }

    /** Whether a RECALL of the step's key comes after the step (at {@code index}) in the history. */
    private static boolean recalled(Cases.NoticeFacts facts, int index) {
        String key = facts.history().get(index).stepKey();
        return key != null && facts.history().subList(index + 1, facts.history().size()).stream()
                .anyMatch(e -> e.action() == StepAction.RECALL && key.equals(e.stepKey()));
    }

    /** Which entry of its action the step is: 1 for the first in the history, 2 for the next… */
    private static int ordinal(Cases.NoticeFacts facts, int index) {
        StepAction action = facts.history().get(index).action();
        return (int) facts.history().subList(0, index + 1).stream().filter(e -> e.action() == action).count();
    }

    /**
     * 撤回 of a step at {@code stepKey}: the notice of the last notice-bearing entry at that step before the recall is
     * void (it stays listed, marked so). Nothing when the step had no notice or it was not issued yet (issue skips it).
     */
    @Transactional
    public void voidRecalled(long caseId, String stepKey, Instant recalledAt) {
        Cases.NoticeFacts facts = cases.noticeFacts(caseId);
        List<CaseEvent> history = facts.history();
        int recall = -1;
        for (int i = history.size() - 1; i >= 0 && recall < 0; i--) {
            if (history.get(i).action() == StepAction.RECALL && stepKey.equals(history.get(i).stepKey())) {
                recall = i;
            }
        }
        for (int i = recall - 1; i >= 0; i--) {
            CaseEvent e = history.get(i);
            if (!stepKey.equals(e.stepKey())) {
                continue;
            }
            for (DocumentKind kind : DocumentKind.values()) {
                if (action(kind) == e.action()) {
                    Long id = mapper.standing(caseId, kind.name(), ordinal(facts, i));
                    if (id != null) {
                        mapper.voidDocument(id, Instant.now());
                    }
                    return;
                }
            }
        }
    }
}
