package org.tongban.cases;

import java.util.List;

/**
 * A case with its view and history, read once for a task detail; {@code processDefinitionId} is the process
 * version the case runs, {@code formVersion} the form version it was submitted with.
 */
public record CaseFile(CaseRef ref, CaseView view, List<CaseEvent> history, String processDefinitionId, Integer formVersion) {
}
