package org.tongban.licences;

/**
 * The notices (文书) a case yields at its steps, each rendered from its template in {@code templates/notices/}, signed
 * by the licensing department and downloadable by the applicant: 受理通知书, 补正告知书, 不予受理决定书, 不予许可决定书.
 */
public enum DocumentKind { ACCEPTANCE_NOTICE, CORRECTION_NOTICE, REJECTION_DECISION, REFUSAL_DECISION }
