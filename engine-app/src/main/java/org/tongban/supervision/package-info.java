/**
 * Efficiency supervision (效能监察): the cards raised on open cases and the statistics per item and department over
 * a period (received, accepted, concluded, on-time rate, average working days used, fully-online rate, correction
 * rate, ratings), as JSON for the dashboard and as CSV or XLSX. Reads the case, outcome and rating tables; writes
 * nothing but the outcomes it fills in through {@code timelimits}.
 */
package org.tongban.supervision;
