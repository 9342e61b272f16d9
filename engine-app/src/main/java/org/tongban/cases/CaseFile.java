package org.tongban.cases;

import java.util.List;

/** A case with its view and history, read once for a task detail. */
public record CaseFile(CaseRef ref, CaseView view, List<CaseEvent> history) {
}
