package org.tongban.ratings;

import java.util.List;

/**
 * Published aggregates (好差评公示): per item and per department, how many ratings, the average level, how many of
 * each level (index 0 = level 1), how many bad ones and how many of those were answered.
 */
public record RatingSummary(List<Row> items, List<Row> departments) {

    public record Row(String code, String name, long ratings, double average, long[] levels, long bad, long badAnswered) {
    }
}
