package org.tongban.tasks;

import java.util.List;
import org.tongban.cases.CaseEvent;
import org.tongban.cases.CaseView;
import org.tongban.cases.StepAction;

/**
 * A task with everything needed to act on it: the case, its form data, materials and history; {@code operations}
 * names what the caller may do with the task now (claim, unclaim, complete, transfer, delegate, resolve, take-back,
 * cc: see {@link ApproverOperations}; RETURN); {@code returnTargets} lists where RETURN may send the case, most
 * recent step first (the first is {@code previous}).
 */
public record TaskDetail(TaskView task, List<StepAction> allowedActions, CaseView caseView, List<CaseEvent> history,
                         List<String> operations, List<ReturnTarget> returnTargets) {
}
