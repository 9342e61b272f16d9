package org.tongban.workflow.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.tongban.workflow.CountersignListener;
import org.tongban.workflow.CountersignRule;
import org.tongban.workflow.ProcessBean;
import org.tongban.workflow.ProcessVariables;
import org.tongban.workflow.WorkTasks.CountersignVerdict;

/**
 * The process bean {@code countersign}: the completion condition {@code ${countersign.decided(execution)}} of a
 * joint-review multi-instance task. It reads the step's rule from the task's {@code tongban:countersign} element
 * (once per process definition and activity), adds the verdict of the completion being made (handed over by
 * {@link CompleteCmd} in the command context) to the round's verdicts kept on the multi-instance root execution,
 * and ends the step as soon as the rule settles it: then it sets {@code jointReviewOutcome} and tells the
 * {@link CountersignListener}s which departments were not needed (the engine ends their open tasks).
 * <p>
 * The round's signers are the collection the instances were made from ({@code reviewDepartments}); add/remove
 * signer keeps a copy local to the root execution ({@link SignerCmd}), which the sequential loop reads on each
 * turn, so the list, {@code nrOfInstances} and the rule's arithmetic always agree.
 */
@Component(CountersignBean.NAME)
@ProcessBean
public class CountersignBean {

    static final String NAME = "countersign";
    /** Command-context attribute: the verdict of the completion in progress. */
    static final String VERDICT = "tongban.countersign.verdict";
    /** Local variable of the multi-instance root: the round's verdicts, {@code DEPT=AGREE;DEPT=DISAGREE}. */
    static final String VERDICTS = "countersignVerdicts";

    private final ObjectProvider<CountersignListener> listeners;
    private final Map<String, CountersignRule> rules = new ConcurrentHashMap<>();

    CountersignBean(ObjectProvider<CountersignListener> listeners) {
        this.listeners = listeners;
    }

    /** Whether the joint-review step is settled by its countersign rule (the multi-instance then ends). */
    @ProcessBean.Exposed
    public boolean decided(DelegateExecution execution) {
        ExecutionEntity root = root(execution)
                .orElseThrow(() -> new FlowableException("countersign.decided outside a multi-instance step"));
        CountersignRule rule = rule(root);
        Map<String, CountersignRule.Verdict> verdicts = verdicts(root);
        CommandContext context = Context.getCommandContext();
        if (context != null && context.getAttribute(VERDICT) instanceof CountersignVerdict given) {
            context.removeAttribute(VERDICT);
            verdicts.put(given.department(), given.verdict());
            root.setVariableLocal(VERDICTS, CountersignRule.encode(verdicts));
        }
        List<String> signers = signers(root);
        // a send-back round is decided over every department: the ones not asked again count with their verdicts
        Map<String, CountersignRule.Verdict> carried = CountersignRule.decode(root.getVariable(ProcessVariables.CARRIED_VERDICTS));
        signers.forEach(carried::remove);
        var counted = new ArrayList<String>(carried.keySet());
        counted.addAll(signers);
        var all = new LinkedHashMap<String, CountersignRule.Verdict>(carried);
        all.putAll(verdicts);
        Optional<CountersignRule.Outcome> outcome = rule.decide(counted, all);
        if (outcome.isEmpty()) {
            return false;
        }
        root.getProcessInstance().setVariable(ProcessVariables.JOINT_REVIEW_OUTCOME, outcome.get().name());
        List<String> notNeeded = signers.stream().filter(s -> !verdicts.containsKey(s)).toList();
        FlowElement step = root.getCurrentFlowElement();
        var ended = new CountersignListener.Ended(root.getProcessInstanceId(), step.getId(), step.getName(), outcome.get(),
                notNeeded);
        listeners.orderedStream().forEach(l -> l.countersignEnded(ended));
        return true;
    }

    CountersignRule rule(ExecutionEntity root) {
        FlowElement step = root.getCurrentFlowElement();
        return rules.computeIfAbsent(root.getProcessDefinitionId() + "#" + step.getId(),
                key -> CountersignSpec.ruleOf((Activity) step));
    }

    /** The multi-instance root above (or at) an execution. */
    static Optional<ExecutionEntity> root(DelegateExecution execution) {
        DelegateExecution current = execution;
        while (current != null && !current.isMultiInstanceRoot()) {
            current = current.getParent();
        }
        return Optional.ofNullable((ExecutionEntity) current);
    }

    /** The round's signers in order: the root's own copy once signers were added or removed, else the collection. */
    @SuppressWarnings("unchecked")
    static List<String> signers(ExecutionEntity root) {
        Object local = root.getVariableLocal(ProcessVariables.REVIEW_DEPARTMENTS);
        Object list = local != null ? local : root.getVariable(ProcessVariables.REVIEW_DEPARTMENTS);
        return list instanceof List<?> l ? new ArrayList<>((List<String>) l) : new ArrayList<>();
    }

    static Map<String, CountersignRule.Verdict> verdicts(ExecutionEntity root) {
        return CountersignRule.decode(root.getVariableLocal(VERDICTS));
    }
}
