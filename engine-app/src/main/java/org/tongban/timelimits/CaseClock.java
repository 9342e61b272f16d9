package org.tongban.timelimits;

import java.time.LocalDate;
import java.util.List;

/**
 * A case's statutory clock as applicant and staff see it. {@code state}: NOT_STARTED (not yet accepted), RUNNING,
 * PAUSED (a pause is open: the deadlines move on with it), STOPPED (concluded). Deadlines are the statutory and
 * promised working days after acceptance, extended by the paused working days; {@code remainingWorkingDays} (and
 * the promised one) are negative once overdue, and counted to the conclusion for a concluded case.
 * {@code missingCalendarYear}: the year whose holiday schedule is missing, when the dates cannot be counted (else null).
 */
public record CaseClock(String caseNumber, State state, LocalDate acceptedOn, int statutoryDays, int promisedDays,
                        LocalDate statutoryDeadline, LocalDate promisedDeadline, Integer remainingWorkingDays,
                        Integer promisedRemainingWorkingDays, int pausedWorkingDays, List<Pause> pauses,
                        Integer missingCalendarYear) {

    public enum State { NOT_STARTED, RUNNING, PAUSED, STOPPED }

    /** A pause of the clock: from the day it started (still counted) to the day it ended (not counted); open: {@code to} null. */
    public record Pause(Long id, SpecialProcedure kind, String reason, String legalBasis, LocalDate from, LocalDate to,
                        int workingDays, String startedBy) {
    }
}
