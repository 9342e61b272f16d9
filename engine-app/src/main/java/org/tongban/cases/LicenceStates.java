package org.tongban.cases;

import java.util.Optional;

/**
 * Tells the case view whether a granted case's licence exists yet. Implemented by the licences module, which
 * issues the licence after the grant commits: the case module does not depend on it.
 */
public interface LicenceStates {

    /** The licence number of the case's licence, empty while it is being issued. */
    Optional<String> issuedNumber(long caseId);
}
