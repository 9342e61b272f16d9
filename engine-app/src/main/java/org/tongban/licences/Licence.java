package org.tongban.licences;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An issued e-licence (电子证照), as its holder and staff see it; {@code verificationUrl} is what its QR code holds
 * (the public verification page), {@code identifier} its GB/T 36904 identifier.
 */
public record Licence(String licenceNumber, String caseNumber, String itemCode, String holderName, String holderId,
                      String issuer, Instant issuedAt, LocalDate validUntil, String status, String sha256,
                      String identifier, int version, String verificationUrl) {
}
