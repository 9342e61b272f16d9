/**
 * Service ratings (好差评): the applicant of a concluded case rates it once — five levels, reasons, a comment. A bad
 * rating (不满意, 非常不满意) opens a follow-up (差评整改) for the item's department with a deadline in working days;
 * the department answers and the applicant sees the answer. Aggregates per item and department are public.
 */
package org.tongban.ratings;
