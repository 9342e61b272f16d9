package org.tongban.timelimits;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A yellow or red card raised on a deadline: of the whole case ({@code stepKey} null) or of one step.
 * {@code card}: YELLOW (the deadline is near) or RED (it has passed).
 */
public record DeadlineCard(String caseNumber, String itemCode, String stepKey, String stepName, String card,
                           LocalDate deadline, Instant raisedAt) {
}
