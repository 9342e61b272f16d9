package org.tongban.ratings;

/**
 * Why an applicant rated as they did (the national 好差评 reasons, abridged): the first six are praise for ratings of
 * 3 to 5, the rest complaints for ratings of 1 and 2.
 */
public enum RatingReason {
    CLEAR_GUIDE, ONE_VISIT, FAST, GOOD_ATTITUDE, FULLY_ONLINE, PROACTIVE,
    UNCLEAR_GUIDE, MANY_VISITS, OVERDUE, POOR_ATTITUDE, REPEATED_MATERIALS, SYSTEM_HARD_TO_USE;

    public boolean praise() {
        return ordinal() <= PROACTIVE.ordinal();
    }
}
