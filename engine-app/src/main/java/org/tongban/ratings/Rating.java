package org.tongban.ratings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case's rating as its applicant and staff see it: level 5 非常满意 … 1 非常不满意, reasons, comment; for a bad
 * rating (level ≤ 2) the follow-up's deadline and, once given, the department's response.
 */
public record Rating(long id, String caseNumber, String itemCode, String department, int level, List<RatingReason> reasons,
                     String comment, Instant ratedAt, LocalDate followUpDue, String response, String respondedByName,
                     Instant respondedAt) {

    public boolean bad() {
        return level <= 2;
    }
}
