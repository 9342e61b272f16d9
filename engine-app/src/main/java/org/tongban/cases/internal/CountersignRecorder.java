package org.tongban.cases.internal;

import org.springframework.stereotype.Component;
import org.tongban.cases.CaseRef;
import org.tongban.cases.Cases;
import org.tongban.cases.StepAction;
import org.tongban.cases.StepRecord;
import org.tongban.workflow.CountersignListener;

/**
 * Records, in the engine's transaction, each department a settled countersign no longer needed (或签 after the first
 * verdict, a veto, a vote already decided): a NOT_NEEDED history entry by the system for that department, so the
 * history says why the department's task ended without its opinion.
 */
@Component
class CountersignRecorder implements CountersignListener {

    static final String SYSTEM = "system";

    private final Cases cases;

    CountersignRecorder(Cases cases) {
        this.cases = cases;
    }

    @Override
    public void countersignEnded(Ended ended) {
        if (ended.notNeeded().isEmpty()) {
            return;
        }
        CaseRef ref = cases.byProcessInstance(ended.processInstanceId());
        for (String department : ended.notNeeded()) {
            cases.recordStep(ref, new StepRecord(SYSTEM, "系统", department, ended.stepKey(), ended.stepName(),
                    StepAction.NOT_NEEDED, "会签已有结论（" + ended.outcome() + "），无需该部门审查"));
        }
    }
}
