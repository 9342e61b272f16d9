package org.tongban.calendar.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.calendar.CalendarDay;
import org.tongban.calendar.CalendarYear;
import org.tongban.calendar.Deadlines;
import org.tongban.calendar.WorkingCalendar;
import org.tongban.identity.Actor;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.QueryParameters;

/** The working-day calendar (工作日历): read by staff, replaced per year by administrators; the public what-if. */
@RestController
@Tag(name = "Calendar and deadlines (工作日历、期限)")
class CalendarController {

    private final WorkingCalendar calendar;
    private final Deadlines deadlines;
    private final Clock clock;

    CalendarController(WorkingCalendar calendar, Deadlines deadlines, Clock clock) {
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** The years with a schedule, and of this year and the next those without one (to be entered). */
    record Overview(List<CalendarYear> years, List<Integer> missing) {
    }

    @GetMapping(path = "/api/v1/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Years with a holiday schedule, and this year or next if it has none (flagged for the administrator)")
    Overview overview() {
        return new Overview(calendar.years(), calendar.missingYears(LocalDate.now(clock)));
    }

    @GetMapping(path = "/api/v1/calendar/{year}", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A year's holidays and make-up working days (404 calendar-year-missing if none was entered)")
    CalendarYear year(@PathVariable int year) {
        return calendar.year(year);
    }

    /** A year's schedule as an administrator enters it. */
    record Schedule(String source, List<CalendarDay> days) {
    }

    @PutMapping(path = "/api/v1/calendar/{year}", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replace a year's schedule: the State Council notice it comes from and every holiday (HOLIDAY) and "
            + "make-up working day (WORKDAY, on a weekend); ADMIN; audited CALENDAR_UPDATED")
    CalendarYear replace(@PathVariable int year, @RequestBody Schedule schedule, Actor admin) {
        return calendar.replace(admin, year, schedule == null ? null : schedule.source(), schedule == null ? null : schedule.days());
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/v1/calendar/{year}")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Remove a year's schedule entered by mistake: deadlines in it are refused again; ADMIN; audited CALENDAR_REMOVED")
    void remove(@PathVariable int year, Actor admin) {
        calendar.remove(admin, year);
    }

    @GetMapping(path = "/api/v1/items/{code}/deadlines", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "What-if (期限测算): the item's statutory and promised deadline dates for an acceptance date "
            + "(default today, China time); public, rate-limited; 409 calendar-year-missing beyond the entered schedules")
    Deadlines.WhatIf whatIf(@PathVariable String code, @RequestParam(required = false) String acceptedOn) {
        var problems = new java.util.ArrayList<FieldProblem>();
        LocalDate date = QueryParameters.date("acceptedOn", acceptedOn, LocalDate.now(clock), problems);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        return deadlines.whatIf(code, date);
    }
}
