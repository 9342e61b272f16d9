package org.tongban.cases.internal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.tongban.cases.StepKind;
import org.tongban.workflow.TaskCreatedListener;
import org.tongban.workflow.WorkTask;

/**
 * Records, in the engine's own transaction, every department that gets a step in a case: each user task the
 * engine creates for a candidate group (每个并联审查部门的任务 too) adds (case, department) to
 * {@code tb_case_department}, which decides who may see the case. Told by the workflow module for every task,
 * not declared in BPMN, so no process definition can leave it out; engine history is never consulted, so the
 * history level and a claim or completion by a colleague cannot change who sees what.
 */
@Component
class CaseDepartmentRecorder implements TaskCreatedListener {

    static final String LEAD = "LEAD";
    static final String JOINT_REVIEW = "JOINT_REVIEW";

    private final CaseMapper mapper;

    CaseDepartmentRecorder(CaseMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void taskCreated(WorkTask task, String processKey) {
        var departments = task.departments().stream().distinct().toList();
        if (departments.isEmpty()) {
            return;
        }
        // Tasks of processes that are no case's (none today) record nothing: the SELECT finds no case.
        String role = StepKind.JOINT_REVIEW.category().equals(task.category()) ? JOINT_REVIEW : LEAD;
        for (String department : departments) {
            try {
                mapper.recordDepartment(task.processInstanceId(), department, role, task.createdAt());
            } catch (DuplicateKeyException recordedConcurrently) {
                // another transaction recorded the same department for this case first: nothing to add
            }
        }
    }
}
