package org.tongban.cases;

import java.time.Instant;

/**
 * A review or joint-review step recorded its verdict (AGREE or DISAGREE); the status stays. Published inside the
 * transition's transaction ({@link CaseTransition}); ids only.
 */
public record StepCompleted(long caseId, String caseNumber, String itemCode, String actor, String department, String stepKey,
                            StepAction verdict, Instant completedAt) {
}
