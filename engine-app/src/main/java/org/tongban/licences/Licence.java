package org.tongban.licences;

import java.time.Instant;
import java.time.LocalDate;

/** An issued e-licence (电子证照). */
public record Licence(String licenceNumber, String caseNumber, String itemCode, String holderName, String holderId,
                      String issuer, Instant issuedAt, LocalDate validUntil, String status, String sha256) {
}
