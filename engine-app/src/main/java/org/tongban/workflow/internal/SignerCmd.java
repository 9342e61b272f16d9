package org.tongban.workflow.internal;

import java.util.List;
import java.util.Map;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.MultiInstanceLoopCharacteristics;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.impl.interceptor.Command;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.persistence.entity.ExecutionEntityManager;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.tongban.shared.DomainException;
import org.tongban.workflow.JointReviews.SignerPosition;
import org.tongban.workflow.JointReviews.Signers;
import org.tongban.workflow.ProcessVariables;

/**
 * 加签 / 减签 in a running countersign, given one of its open tasks. Parallel: a new instance for the department
 * ({@code AddMultiInstanceExecutionCmd}) or the department's instance and task deleted
 * ({@code DeleteMultiInstanceExecutionCmd}); sequential: the department goes into the remaining order before or after
 * the current one (before: the current department's task is withdrawn and comes back after the new one answered).
 * Either way the root execution keeps the round's signer list ({@code reviewDepartments}, local), and
 * {@code nrOfInstances} equals its size, so the engine's loop and the {@code countersign} rule count the same
 * departments. The root execution row is always updated, so an add or remove racing a completion of the same step
 * fails with an optimistic-locking conflict and is retried by {@code RetryingTransaction}.
 */
public record SignerCmd(String taskId, String department, SignerPosition position, boolean add) implements Command<Signers> {

    private static final String NR_OF_INSTANCES = "nrOfInstances";

    @Override
    public Signers execute(CommandContext context) {
        TaskEntity task = CommandContextUtil.getTaskService(context).getTask(taskId);
        if (task == null || task.getExecutionId() == null) {
            throw new CompleteCmd.Refusal(DomainException.notFound("task-not-found", taskId));
        }
        ExecutionEntityManager executions = CommandContextUtil.getExecutionEntityManager(context);
        ExecutionEntity child;
        ExecutionEntity root;
        try {
            child = executions.findById(task.getExecutionId());
            root = CountersignBean.root(child).orElse(null);
        } catch (NullPointerException treeGone) {
            // A completion ending the step committed between our reads of the task and of its executions (Flowable's
            // eager tree fetch fails on a missing execution): retried, the task is gone (404) or the state is fresh.
            throw new FlowableOptimisticLockingException("the execution tree of task " + taskId + " changed concurrently");
        }
        Activity activity = root == null ? null
                : (Activity) ProcessDefinitionUtil.getBpmnModel(root.getProcessDefinitionId()).getFlowElement(root.getActivityId());
        if (activity == null || CountersignSpec.elements(activity).isEmpty()) {
            throw refuse("countersign-not-running", taskId);
        }
        // Claim the step first: the root's row is updated (revision checked) and flushed before anything is inserted
        // under it, so a completion that ends the step concurrently makes this an optimistic-locking conflict
        // (retried, then 409) instead of an insert under a deleted execution; the engine flushes inserts first.
        root.forceUpdate();
        CommandContextUtil.getDbSqlSession(context).flush();
        MultiInstanceLoopCharacteristics loop = activity.getLoopCharacteristics();
        List<String> signers = CountersignBean.signers(root);
        var verdicts = CountersignBean.verdicts(root);
        if (add) {
            add(context, executions, root, child, activity, loop, signers);
        } else {
            remove(context, executions, root, child, activity, loop, signers, verdicts.keySet());
        }
        root.setVariableLocal(ProcessVariables.REVIEW_DEPARTMENTS, signers);
        root.setVariableLocal(NR_OF_INSTANCES, signers.size());
        root.forceUpdate();
        return new Signers(task.getTaskDefinitionKey(), task.getName(), List.copyOf(signers), loop.isSequential());
    }

    private void add(CommandContext context, ExecutionEntityManager executions, ExecutionEntity root, ExecutionEntity child,
                     Activity activity, MultiInstanceLoopCharacteristics loop, List<String> signers) {
        if (signers.contains(department)) {
            throw refuse("signer-already-present", department);
        }
        if (loop.isSequential() == (position == SignerPosition.PARALLEL)) {
            throw refuse("signer-position-not-allowed", position, loop.isSequential() ? "BEFORE/AFTER" : "PARALLEL");
        }
        if (!loop.isSequential()) {
            signers.add(department);
            CommandContextUtil.getProcessEngineConfiguration(context).getRuntimeService()
                    .addMultiInstanceExecution(activity.getId(), root.getParentId(), Map.of(loop.getElementVariable(), department));
            return;
        }
        int current = loopCounter(child);
        if (position == SignerPosition.AFTER) {
            signers.add(current + 1, department);
            return;
        }
        signers.add(current, department);
        restartTurn(context, executions, root, child, activity, loop, current, department);
    }

    private void remove(CommandContext context, ExecutionEntityManager executions, ExecutionEntity root, ExecutionEntity child,
                        Activity activity, MultiInstanceLoopCharacteristics loop, List<String> signers,
                        java.util.Set<String> answered) {
        if (!signers.contains(department)) {
            throw refuse("signer-not-present", department);
        }
        if (answered.contains(department)) {
            throw refuse("signer-already-answered", department);
        }
        if (signers.stream().filter(s -> !answered.contains(s)).count() <= 1) {
            throw refuse("last-signer", department);
        }
        if (!loop.isSequential()) {
            ExecutionEntity instance = executions.findChildExecutionsByParentExecutionId(root.getId()).stream()
                    .filter(e -> e.isActive() && department.equals(e.getVariableLocal(loop.getElementVariable())))
                    .findFirst().orElseThrow(() -> refuse("signer-already-answered", department));
            signers.remove(department);
            CommandContextUtil.getProcessEngineConfiguration(context).getRuntimeService()
                    .deleteMultiInstanceExecution(instance.getId(), false);
            return;
        }
        int current = loopCounter(child);
        int index = signers.indexOf(department);
        signers.remove(department);
        if (index == current) {
            restartTurn(context, executions, root, child, activity, loop, current, signers.get(current));
        }
    }

    /** Sequential: the current turn's task and execution go; the turn at {@code index} starts for {@code next}. */
    private static void restartTurn(CommandContext context, ExecutionEntityManager executions, ExecutionEntity root,
                                    ExecutionEntity child, Activity activity, MultiInstanceLoopCharacteristics loop,
                                    int index, String next) {
        executions.deleteChildExecutions(child, "countersign signers changed", false);
        executions.deleteExecutionAndRelatedData(child, "countersign signers changed", false);
        ExecutionEntity turn = executions.createChildExecution(root);
        turn.setCurrentFlowElement(activity);
        turn.setVariableLocal(loop.getElementVariable(), next);
        CommandContextUtil.getAgenda(context).planContinueMultiInstanceOperation(turn, root, index);
    }

    private static int loopCounter(ExecutionEntity child) {
        Object counter = child.getVariableLocal("loopCounter");
        return counter instanceof Integer i ? i : 0;
    }

    private static CompleteCmd.Refusal refuse(String key, Object... args) {
        return new CompleteCmd.Refusal(DomainException.conflict(key, args));
    }
}
