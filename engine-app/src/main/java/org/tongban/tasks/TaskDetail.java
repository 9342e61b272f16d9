package org.tongban.tasks;

import java.util.List;
import org.tongban.cases.CaseEvent;
import org.tongban.cases.CaseView;
import org.tongban.cases.StepAction;

/** A task with everything needed to act on it: the case, its form data, materials and history. */
public record TaskDetail(TaskView task, List<StepAction> allowedActions, CaseView caseView, List<CaseEvent> history) {
}
