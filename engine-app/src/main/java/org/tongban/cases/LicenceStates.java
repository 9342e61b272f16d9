package org.tongban.cases;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Tells the case view whether a granted case's licence exists yet. Implemented by the licences module, which
 * issues the licence after the grant commits: the case module does not depend on it.
 */
public interface LicenceStates {

    /** The licence number of the case's licence, empty while it is being issued. */
    Optional<String> issuedNumber(long caseId);

    /** An issued licence by its number, for attaching it to a new application by reference (数据多跑路). */
    Optional<IssuedLicence> issued(String licenceNumber);

    /** The PDF of an issued licence (a material attached by reference); null if there is none. */
    byte[] pdfOf(String licenceNumber);

    record IssuedLicence(String licenceNumber, long caseId, String itemCode, String status, LocalDate validUntil,
                         String sha256) {
    }
}
