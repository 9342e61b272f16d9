package org.tongban.cases;

import java.time.Instant;
import java.util.List;
import org.tongban.shared.LocalizedText;

/** Public progress of a case (办件进度), looked up by case number and query code: no personal data. */
public record CaseProgress(String caseNumber, String itemCode, LocalizedText itemName, CaseStatus status,
                           Instant submittedAt, List<Step> steps) {

    public record Step(Instant at, String department, String stepName, StepAction action) {
    }
}
