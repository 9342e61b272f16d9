package org.tongban.tasks;

import java.util.List;
import org.tongban.cases.CaseEvent;
import org.tongban.cases.CaseView;
import org.tongban.cases.StepAction;

/**
 * A task with everything needed to act on it: the case, its form data, materials and history. {@code operations}
 * names the operations the caller may do on it now besides completing it (RETURN, ...); {@code returnTargets}
 * lists where RETURN may send the case, most recent step first (the first is {@code previous}).
 */
public record TaskDetail(TaskView task, List<StepAction> allowedActions, CaseView caseView, List<CaseEvent> history,
                         List<String> operations, List<ReturnTarget> returnTargets) {
}
