package org.tongban.cases;

import java.time.Instant;

/** The lead department wrote the consolidated joint opinion (合并意见); the status stays ACCEPTED. Ids only. */
public record JointOpinionConsolidated(long caseId, String caseNumber, String itemCode, String actor, String department,
                                       Instant consolidatedAt) {
}
