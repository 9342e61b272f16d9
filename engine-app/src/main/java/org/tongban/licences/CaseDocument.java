package org.tongban.licences;

import java.time.Instant;

/**
 * A notice (文书) issued at a step of a case, as its applicant and staff list it: its kind, number, title, the
 * department in whose name it was issued, when, the SHA-256 of its signed PDF, and when it was voided because its
 * step was recalled (撤回; null while it stands).
 */
public record CaseDocument(long id, DocumentKind kind, String documentNumber, String title, String issuer,
                           Instant issuedAt, String sha256, Instant voidedAt) {
}
