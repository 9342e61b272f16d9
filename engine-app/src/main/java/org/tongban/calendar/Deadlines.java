package org.tongban.calendar;

import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.ServiceItem;

/** What-if (期限测算): an item's statutory (法定) and promised (承诺) deadline dates for an acceptance date. */
@Service
public class Deadlines {

    private final Catalogue catalogue;
    private final WorkingCalendar calendar;

    Deadlines(Catalogue catalogue, WorkingCalendar calendar) {
        this.catalogue = catalogue;
        this.calendar = calendar;
    }

    /** The deadlines of a case of {@code itemCode} accepted on {@code acceptedOn}, without pauses. */
    public record WhatIf(String itemCode, LocalDate acceptedOn, int statutoryDays, LocalDate statutoryDeadline,
                         int promisedDays, LocalDate promisedDeadline) {
    }

    /** 404 for an unknown item; 409 {@code calendar-year-missing} when a deadline falls in a year without a schedule. */
    public WhatIf whatIf(String itemCode, LocalDate acceptedOn) {
        ServiceItem item = catalogue.require(itemCode);
        return new WhatIf(item.code(), acceptedOn, item.statutoryDays(), calendar.addWorkingDays(acceptedOn, item.statutoryDays()),
                item.promisedDays(), calendar.addWorkingDays(acceptedOn, item.promisedDays()));
    }
}
