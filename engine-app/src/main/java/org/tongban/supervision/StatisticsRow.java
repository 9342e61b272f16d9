package org.tongban.supervision;

/**
 * One line of the statistics: an item or a department (or the total, code "TOTAL") over the period. Rates are
 * fractions (0..1), null when there is nothing to divide by: {@code onTimeRate} and {@code averageWorkingDays} over
 * the accepted cases concluded in the period whose clock could be counted ({@code timed}), {@code fullyOnlineRate}
 * over those too, {@code correctionRate} over the cases received, {@code averageRating} over the ratings given.
 */
public record StatisticsRow(String code, String nameZh, String nameEn, long received, long accepted, long concluded,
                            long timed, Double onTimeRate, Double averageWorkingDays, Double fullyOnlineRate,
                            Double correctionRate, long ratings, Double averageRating, long badRatings) {
}
