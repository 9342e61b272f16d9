package org.tongban.calendar;

import java.time.Instant;
import java.util.List;

/** A year's schedule: the notice it comes from ({@code source}), who entered it last and when, and its days in date order. */
public record CalendarYear(int year, String source, Instant updatedAt, String updatedBy, List<CalendarDay> days) {
}
