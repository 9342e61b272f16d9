package org.tongban.cases.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.identitylink.api.IdentityLinkInfo;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.flowable.task.api.Task;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.tongban.cases.StepKind;

/**
 * Records, in the engine's own transaction, every department that gets a step in a case: each user task the
 * engine creates for a candidate group (每个并联审查部门的任务 too) adds (case, department) to
 * {@code tb_case_department}, which decides who may see the case. Registered on the engine itself, not
 * declared in BPMN, so no process definition can leave it out; engine history is never consulted, so the
 * history level and a claim or completion by a colleague cannot change who sees what.
 */
@Component
class CaseDepartmentRecorder implements FlowableEventListener, EngineConfigurationConfigurer<SpringProcessEngineConfiguration> {

    static final String LEAD = "LEAD";
    static final String JOINT_REVIEW = "JOINT_REVIEW";

    private final CaseMapper mapper;

    CaseDepartmentRecorder(CaseMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void configure(SpringProcessEngineConfiguration engine) {
        var listeners = engine.getTypedEventListeners() == null
                ? new HashMap<String, List<FlowableEventListener>>() : new HashMap<>(engine.getTypedEventListeners());
        var created = new ArrayList<>(listeners.getOrDefault(FlowableEngineEventType.TASK_CREATED.name(), List.of()));
        created.add(this);
        listeners.put(FlowableEngineEventType.TASK_CREATED.name(), created);
        engine.setTypedEventListeners(listeners);
    }

    /** TASK_CREATED fires after the task's candidate groups are set (UserTaskActivityBehavior). */
    @Override
    public void onEvent(FlowableEvent event) {
        if (!(event instanceof FlowableEntityEvent entityEvent) || !(entityEvent.getEntity() instanceof Task task)
                || task.getProcessInstanceId() == null) {
            return;
        }
        List<String> departments = task.getIdentityLinks().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLinkInfo::getGroupId).filter(Objects::nonNull).distinct().toList();
        if (departments.isEmpty()) {
            return;
        }
        Long caseId = mapper.idByProcessInstance(task.getProcessInstanceId());
        if (caseId == null) {
            return; // not a case's process: nobody sees it through the case API anyway
        }
        String role = StepKind.JOINT_REVIEW.category().equals(task.getCategory()) ? JOINT_REVIEW : LEAD;
        for (String department : departments) {
            if (mapper.countDepartment(caseId, department, role) == 0) {
                try {
                    mapper.insertDepartment(caseId, department, role, task.getCreateTime().toInstant());
                } catch (DuplicateKeyException recordedConcurrently) {
                    // another transaction recorded the same department for this case first: nothing to add
                }
            }
        }
    }

    /** A failure to record must fail the step's creation, or a department would lose sight of its case. */
    @Override
    public boolean isFailOnException() {
        return true;
    }

    @Override
    public boolean isFireOnTransactionLifecycleEvent() {
        return false;
    }

    @Override
    public String getOnTransaction() {
        return null;
    }
}
