package org.tongban.timelimits;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditLog;
import org.tongban.calendar.WorkingCalendar;
import org.tongban.cases.CaseEvent;
import org.tongban.cases.CaseFile;
import org.tongban.cases.CaseRef;
import org.tongban.cases.CaseView;
import org.tongban.cases.Cases;
import org.tongban.cases.StepAction;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.ServiceItem;
import org.tongban.identity.Actor;
import org.tongban.identity.Directory;
import org.tongban.identity.Role;
import org.tongban.shared.ChinaTime;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.PlainText;
import org.tongban.timelimits.internal.PauseMapper;
import org.tongban.timelimits.internal.PauseMapper.PauseRow;

/**
 * The statutory clock of cases (docs/deadlines.md): read by whoever may see the case; special procedures started
 * and ended by the approvers holding one of its current steps, audited. Counted when read, from the acceptance, the
 * pauses and the working-day calendar, so a holiday schedule entered later corrects every open case at once.
 */
@Service
public class CaseClocks {

    private final Cases cases;
    private final Catalogue catalogue;
    private final WorkingCalendar calendar;
    private final PauseMapper pauses;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;

    CaseClocks(Cases cases, Catalogue catalogue, WorkingCalendar calendar, PauseMapper pauses, Directory directory,
               AuditLog audit, Clock clock) {
        this.cases = cases;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.pauses = pauses;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** The case's clock; 404 for a case the user may not see. */
    public CaseClock clock(Actor user, String caseNumber) {
        CaseView view = cases.view(user, caseNumber);
        CaseRef ref = cases.ref(user, caseNumber);
        return clock(view, ref);
    }

    /** The clock of a case the platform read itself ({@link Cases#fileOf}), for deadline timers and statistics. */
    public CaseClock clockOf(CaseFile file) {
        return clock(file.view(), file.ref());
    }

    private CaseClock clock(CaseView view, CaseRef ref) {
        ServiceItem item = catalogue.require(view.itemCode());
        if (view.acceptedAt() == null) {
            return new CaseClock(view.caseNumber(), CaseClock.State.NOT_STARTED, null, item.statutoryDays(), item.promisedDays(),
                    null, null, null, null, 0, List.of(), null);
        }
        LocalDate accepted = day(view.acceptedAt());
        LocalDate today = LocalDate.now(clock);
        LocalDate end = view.concludedAt() != null ? day(view.concludedAt()) : today;
        List<CaseClock.Pause> all = pausesOf(ref, view.acceptedAt(), end);
        boolean open = view.concludedAt() == null && all.stream().anyMatch(p -> p.to() == null);
        CaseClock.State state = view.concludedAt() != null ? CaseClock.State.STOPPED : open ? CaseClock.State.PAUSED : CaseClock.State.RUNNING;
        try {
            int paused = all.stream().mapToInt(CaseClock.Pause::workingDays).sum();
            LocalDate statutory = calendar.addWorkingDays(accepted, item.statutoryDays() + paused);
            LocalDate promised = calendar.addWorkingDays(accepted, item.promisedDays() + paused);
            return new CaseClock(view.caseNumber(), state, accepted, item.statutoryDays(), item.promisedDays(), statutory, promised,
                    remaining(end, statutory), remaining(end, promised), paused, all, null);
        } catch (DomainException missing) {
            if (!"calendar-year-missing".equals(missing.code())) {
                throw missing;
            }
            return new CaseClock(view.caseNumber(), state, accepted, item.statutoryDays(), item.promisedDays(), null, null, null, null,
                    0, all, (Integer) missing.args().get(0));
        }
    }

    /** Working days left after {@code from} until the deadline; negative: working days past it. */
    private int remaining(LocalDate from, LocalDate deadline) {
        return from.isAfter(deadline) ? -calendar.workingDaysBetween(deadline, from) : calendar.workingDaysBetween(from, deadline);
    }

    /** Corrections after acceptance (from the history) and special procedures, each with the working days it paused. */
    private List<CaseClock.Pause> pausesOf(CaseRef ref, Instant acceptedAt, LocalDate end) {
        var all = new ArrayList<CaseClock.Pause>();
        CaseEvent correction = null;
        for (CaseEvent e : cases.history(ref)) {
            if (e.occurredAt().isBefore(acceptedAt)) {
                continue;
            }
            if (e.action() == StepAction.REQUEST_CORRECTION) {
                correction = e;
            } else if (e.action() == StepAction.RESUBMIT && correction != null) {
                all.add(pause(null, SpecialProcedure.CORRECTION, correction.opinion(), "《行政许可法》第三十二条", correction.occurredAt(),
                        e.occurredAt(), correction.actorName(), end));
                correction = null;
            }
        }
        if (correction != null) {
            all.add(pause(null, SpecialProcedure.CORRECTION, correction.opinion(), "《行政许可法》第三十二条", correction.occurredAt(), null,
                    correction.actorName(), end));
        }
        for (PauseRow row : pauses.byCase(ref.id())) {
            all.add(pause(row.id, SpecialProcedure.valueOf(row.kind), row.reason, row.legalBasis, row.startedAt, row.endedAt,
                    directory.displayName(row.startedBy), end));
        }
        all.sort(java.util.Comparator.comparing(CaseClock.Pause::from));
        return all;
    }

    /** The day a pause starts still counts; the working days after it up to the day it ends (or {@code end}) do not. */
    private CaseClock.Pause pause(Long id, SpecialProcedure kind, String reason, String basis, Instant from, Instant to,
                                  String by, LocalDate end) {
        LocalDate first = day(from);
        LocalDate last = to == null ? end : day(to);
        int days;
        try {
            days = calendar.workingDaysBetween(first, last.isAfter(end) ? end : last);
        } catch (DomainException missing) {
            days = 0; // the clock as a whole reports the missing year
        }
        return new CaseClock.Pause(id, kind, reason, basis, first, to == null ? null : day(to), days, by);
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ChinaTime.ZONE);
    }

    /**
     * 特别程序: an approver holding a current step of the accepted, open case pauses its clock, with the procedure,
     * reason and legal basis. 409 {@code special-procedure-open} while one is open, {@code case-wrong-status} before
     * acceptance or after conclusion; 403 {@code not-holding-case} for anyone else who may see the case. Audited.
     */
    @Transactional
    public CaseClock start(Actor user, String caseNumber, SpecialProcedure kind, String reason, String legalBasis) {
        var problems = new ArrayList<FieldProblem>();
        if (kind == null || kind == SpecialProcedure.CORRECTION) {
            problems.add(FieldProblem.of("kind", kind == null ? "required" : "bad-value", "特别程序", "Special procedure"));
        }
        String why = text(reason, 500, "reason", "原因", "Reason", problems);
        String basis = text(legalBasis, 200, "legalBasis", "法律依据", "Legal basis", problems);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        CaseView view = holding(user, caseNumber);
        CaseRef ref = cases.ref(user, caseNumber);
        var row = new PauseRow();
        row.caseId = ref.id();
        row.kind = kind.name();
        row.reason = why;
        row.legalBasis = basis;
        row.startedAt = clock.instant();
        row.startedBy = user.username();
        try {
            pauses.insert(row);
        } catch (DuplicateKeyException alreadyOpen) {
            throw DomainException.conflict("special-procedure-open", caseNumber);
        }
        audit.record(user.username(), "SPECIAL_PROCEDURE_STARTED", caseNumber, kind + "; " + why + "; " + basis);
        return clock(view, ref);
    }

    /** Ends the case's open special procedure {@code id}: the clock runs again. 404 for another id; audited. */
    @Transactional
    public CaseClock end(Actor user, String caseNumber, long id) {
        CaseView view = holding(user, caseNumber);
        CaseRef ref = cases.ref(user, caseNumber);
        if (pauses.end(ref.id(), id, clock.instant(), user.username()) == 0) {
            throw DomainException.notFound("special-procedure-not-open", id);
        }
        audit.record(user.username(), "SPECIAL_PROCEDURE_ENDED", caseNumber, String.valueOf(id));
        return clock(view, ref);
    }

    /** The case as an approver holding one of its current steps sees it; otherwise 403 (or 404 if not visible). */
    private CaseView holding(Actor user, String caseNumber) {
        CaseView view = cases.view(user, caseNumber);
        if (view.acceptedAt() == null || view.concludedAt() != null) {
            throw DomainException.conflict("case-wrong-status", caseNumber, view.status());
        }
        boolean holds = user.has(Role.APPROVER) && view.currentSteps().stream()
                .anyMatch(s -> s.departments().stream().anyMatch(user::inDepartment));
        if (!holds) {
            throw DomainException.forbidden("not-holding-case", caseNumber);
        }
        return view;
    }

    private static String text(String value, int max, String field, String zh, String en, List<FieldProblem> problems) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > max || !PlainText.isPlain(text, true)) {
            problems.add(FieldProblem.of(field, text.isEmpty() ? "required" : "bad-value", zh, en));
        }
        return text;
    }
}
