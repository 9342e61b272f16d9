/**
 * The working-day calendar (工作日历) and what deadlines it gives: the State Council's holidays and make-up working
 * days per year, maintained by administrators, and the statutory and promised deadline of an item for an acceptance
 * date (what-if). A year without a schedule is refused, never counted as plain weekdays. Depends on {@code shared},
 * {@code identity}, {@code audit} and {@code catalogue}.
 */
package org.tongban.calendar;
