package org.tongban.workflow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.flowable.bpmn.model.UserTask;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.tongban.workflow.internal.CompleteCmd;
import org.tongban.workflow.internal.RecallCmd;
import org.tongban.workflow.internal.ReturnCmd;
import org.tongban.workflow.internal.TaskLockMapper;

/**
 * Moving a case's open steps back (退回 and 撤回), each one engine command that uses Flowable's
 * ChangeActivityStateBuilder and then hands the reopened tasks to whoever should work them. Callers record the
 * domain side and wrap both in {@link RetryingTransaction}.
 */
@Service
public class StepMoves {

    private final ManagementService engine;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final TaskLockMapper locks;

    StepMoves(ManagementService engine, RuntimeService runtime, RepositoryService repository, TaskLockMapper locks) {
        this.engine = engine;
        this.runtime = runtime;
        this.repository = repository;
        this.locks = locks;
    }

    /** A user task of a process definition: its key (activity id), name and step-kind category. */
    public record ProcessStep(String key, String name, String category) {
    }

    /** The user tasks of a running process instance's own definition version, by key, in model order; none if it ended. */
    public Map<String, ProcessStep> steps(String processInstanceId) {
        var instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        return instance == null ? Map.of() : stepsOfVersion(instance.getProcessDefinitionId());
    }

    /** The user tasks of a process definition version, by key, in model order (from the engine's model cache). */
    public Map<String, ProcessStep> stepsOfVersion(String processDefinitionId) {
        var steps = new LinkedHashMap<String, ProcessStep>();
        repository.getBpmnModel(processDefinitionId).getMainProcess()
                .findFlowElementsOfType(UserTask.class).forEach(t -> steps.put(t.getId(),
                        new ProcessStep(t.getId(), t.getName(), t.getCategory())));
        return steps;
    }

    /**
     * 退回: ends the open task's step (every instance of a multi-instance step) and opens {@code toStep} (all its
     * instances, for a multi-instance step); {@code assignee} names who gets each new task (null: its departments).
     * 404 {@code task-not-found} if the task ended meanwhile, 409 {@code task-claimed-by-other} if someone other
     * than {@code user} holds it.
     */
    public void returnTo(String taskId, String user, String toStep, Function<WorkTask, String> assignee) {
        execute(new ReturnCmd(taskId, user, toStep, assignee, locks));
    }

    /** Locks the open task rows of a process instance until the caller's transaction ends (TaskLockMapper). */
    public void lockOpenTasks(String processInstanceId) {
        locks.lockOpenTasks(processInstanceId);
    }

    /**
     * 撤回: if no open task of the instance is claimed or delegated, ends them all and reopens {@code step}
     * assigned to {@code assignee}; else 409 {@code recall-next-step-started}. Tasks of
     * {@code selfAssignedCategory} are assigned by the process itself (the applicant's correction), not claimed.
     */
    public void recall(String processInstanceId, String step, String assignee, String selfAssignedCategory) {
        execute(new RecallCmd(processInstanceId, step, assignee, selfAssignedCategory, locks));
    }

    private void execute(org.flowable.common.engine.impl.interceptor.Command<Void> command) {
        try {
            engine.executeCommand(command);
        } catch (CompleteCmd.Refusal refused) {
            throw refused.refusal();
        }
    }
}
