/**
 * The statutory clock of a case (办理时限): it starts at acceptance, pauses during corrections after acceptance and
 * during special procedures (特别程序: hearing, inspection, appraisal, expert review, public notice…), and gives
 * the statutory and promised deadline dates and the working days left, by the {@code calendar}.
 */
package org.tongban.timelimits;
