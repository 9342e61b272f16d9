package org.tongban.calendar;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditLog;
import org.tongban.calendar.internal.CalendarMapper;
import org.tongban.identity.Actor;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.PlainText;

/**
 * Working days (工作日) by the State Council's schedule: Monday to Friday unless a holiday, and the make-up working
 * days (调休上班) on weekends. Periods follow 《行政许可法》 第八十二条 and the usual rule that the day a period starts
 * is not counted: N working days from an acceptance on day D end on the N-th working day after D. A year without a
 * schedule is refused (409 {@code calendar-year-missing}), never guessed. Schedules are cached per year for a minute
 * (a change on another node shows within that) and replaced whole by an administrator, audited.
 */
@Service
public class WorkingCalendar {

    /** Periods longer than this many calendar days are refused rather than searched (a statutory limit is weeks). */
    private static final int MAX_SPAN_DAYS = 3 * 366;

    private final CalendarMapper mapper;
    private final AuditLog audit;
    private final LoadingCache<Integer, Optional<Map<LocalDate, DayKind>>> schedules;

    WorkingCalendar(CalendarMapper mapper, AuditLog audit) {
        this.mapper = mapper;
        this.audit = audit;
        this.schedules = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).build(this::load);
    }

    private Optional<Map<LocalDate, DayKind>> load(int year) {
        if (mapper.year(year) == null) {
            return Optional.empty();
        }
        var days = new HashMap<LocalDate, DayKind>();
        mapper.days(year).forEach(d -> days.put(d.calendarDate(), DayKind.valueOf(d.kind())));
        return Optional.of(days);
    }

    /** True for a working day; 409 {@code calendar-year-missing} if its year has no schedule. */
    public boolean isWorkingDay(LocalDate date) {
        Map<LocalDate, DayKind> schedule = schedules.get(date.getYear())
                .orElseThrow(() -> DomainException.conflict("calendar-year-missing", date.getYear()));
        DayKind kind = schedule.get(date);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The {@code days}-th working day after {@code from} ({@code from} itself not counted); {@code days} ≥ 1. */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("a period has at least one working day: " + days);
        }
        LocalDate date = from;
        int counted = 0;
        for (int step = 0; counted < days; step++) {
            if (step > MAX_SPAN_DAYS) {
                throw new IllegalArgumentException(days + " working days from " + from + " span more than " + MAX_SPAN_DAYS + " days");
            }
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** Working days after {@code from} up to and including {@code to} (0 when {@code to} is not after {@code from}). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (date.isAfter(from.plusDays(MAX_SPAN_DAYS))) {
                throw new IllegalArgumentException("from " + from + " to " + to + " spans more than " + MAX_SPAN_DAYS + " days");
            }
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }

    /** Every year with a schedule, without its days. */
    public List<CalendarYear> years() {
        return mapper.years().stream().map(y -> new CalendarYear(y.calendarYear(), y.source(), y.updatedAt(), y.updatedBy(), List.of())).toList();
    }

    /** Of this year and the next (China time), those without a schedule: what the administrator is asked to enter. */
    public List<Integer> missingYears(LocalDate today) {
        var missing = new ArrayList<Integer>();
        for (int year : List.of(today.getYear(), today.getYear() + 1)) {
            if (schedules.get(year).isEmpty()) {
                missing.add(year);
            }
        }
        return missing;
    }

    /** A year's schedule with its days; 404 {@code calendar-year-missing} if none was entered. */
    public CalendarYear year(int year) {
        var row = mapper.year(year);
        if (row == null) {
            throw DomainException.notFound("calendar-year-missing", year);
        }
        List<CalendarDay> days = mapper.days(year).stream()
                .map(d -> new CalendarDay(d.calendarDate(), DayKind.valueOf(d.kind()), d.name())).toList();
        return new CalendarYear(year, row.source(), row.updatedAt(), row.updatedBy(), days);
    }

    /**
     * Replaces a year's schedule (ADMIN): the notice it comes from and every holiday and make-up working day. Each
     * day must lie in the year, once; a make-up working day must be a Saturday or Sunday; names are plain text.
     * Audited {@code CALENDAR_UPDATED}.
     */
    @Transactional
    public CalendarYear replace(Actor admin, int year, String source, List<CalendarDay> days) {
        var problems = new ArrayList<FieldProblem>();
        if (year < 2000 || year > 2100) {
            problems.add(FieldProblem.of("year", "bad-value", "年份", "Year"));
        }
        String from = source == null ? "" : source.strip();
        if (from.isEmpty() || from.length() > 300 || !PlainText.isPlain(from, false)) {
            problems.add(FieldProblem.of("source", from.isEmpty() ? "required" : "bad-value", "依据（国务院办公厅通知）", "Source (State Council notice)"));
        }
        if (days == null || days.size() > 120) {
            problems.add(FieldProblem.of("days", days == null ? "required" : "too-many", "日期", "Days", 120));
        }
        var seen = new HashSet<LocalDate>();
        for (int i = 0; days != null && i < days.size() && problems.size() < 50; i++) {
            CalendarDay day = days.get(i);
            String at = "days[" + i + "]";
            if (day == null || day.date() == null || day.date().getYear() != year) {
                problems.add(FieldProblem.of(at + ".date", "calendar-day-outside-year", year));
                continue;
            }
            if (!seen.add(day.date())) {
                problems.add(FieldProblem.of(at + ".date", "calendar-day-repeated", day.date()));
            }
            if (day.kind() == null) {
                problems.add(FieldProblem.of(at + ".kind", "required", "类型", "Kind"));
            } else if (day.kind() == DayKind.WORKDAY && day.date().getDayOfWeek() != DayOfWeek.SATURDAY
                    && day.date().getDayOfWeek() != DayOfWeek.SUNDAY) {
                problems.add(FieldProblem.of(at + ".kind", "calendar-workday-not-weekend", day.date()));
            }
            String name = day.name() == null ? "" : day.name().strip();
            if (name.isEmpty() || name.length() > 32 || !PlainText.isPlain(name, false)) {
                problems.add(FieldProblem.of(at + ".name", name.isEmpty() ? "required" : "bad-value", "名称", "Name"));
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        Instant now = Instant.now();
        if (mapper.updateYear(year, from, now, admin.username()) == 0) {
            mapper.insertYear(year, from, now, admin.username());
        }
        mapper.deleteDays(year);
        for (CalendarDay day : days) {
            mapper.insertDay(day.date(), year, day.kind().name(), day.name().strip());
        }
        audit.record(admin.username(), "CALENDAR_UPDATED", String.valueOf(year),
                days.stream().filter(d -> d.kind() == DayKind.HOLIDAY).count() + " holidays, "
                        + days.stream().filter(d -> d.kind() == DayKind.WORKDAY).count() + " make-up working days; " + from);
        forgetAfterCommit(year);
        return year(year);
    }

    /** Removes a year's schedule entered by mistake (ADMIN): its deadlines are refused again. Audited {@code CALENDAR_REMOVED}. */
    @Transactional
    public void remove(Actor admin, int year) {
        if (mapper.deleteYear(year) == 0) {
            throw DomainException.notFound("calendar-year-missing", year);
        }
        mapper.deleteDays(year);
        audit.record(admin.username(), "CALENDAR_REMOVED", String.valueOf(year), null);
        forgetAfterCommit(year);
    }

    /** Forgets the cached year once the transaction ends: a reload before the commit would cache the old schedule again. */
    private void forgetAfterCommit(int year) {
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        schedules.invalidate(year);
                    }
                });
    }
}
