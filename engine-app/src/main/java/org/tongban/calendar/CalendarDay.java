package org.tongban.calendar;

import java.time.LocalDate;

/** One day the schedule changes: a holiday or a make-up working day, with the festival's name (春节, 春节调休上班). */
public record CalendarDay(LocalDate date, DayKind kind, String name) {
}
