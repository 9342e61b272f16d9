package org.tongban.workflow;

import java.util.List;
import java.util.Optional;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.tongban.workflow.internal.CompleteCmd;
import org.tongban.workflow.internal.CountersignSpec;
import org.tongban.workflow.internal.SignerCmd;

/**
 * The running countersign of a joint-review step, as the engine keeps it: its outcome once settled and the
 * signer changes (加签/减签). The rule itself is the process definition's ({@link CountersignRule}).
 */
@Service
public class JointReviews {

    private final RuntimeService runtime;
    private final ManagementService engine;

    private final org.flowable.engine.RepositoryService repository;

    JointReviews(RuntimeService runtime, ManagementService engine, org.flowable.engine.RepositoryService repository) {
        this.runtime = runtime;
        this.engine = engine;
        this.repository = repository;
    }

    /**
     * The outcome of the case's latest joint-review step ({@code jointReviewOutcome}), empty while none ended or
     * when the step ran without a countersign rule (process versions before it).
     */
    public Optional<CountersignRule.Outcome> outcome(String processInstanceId) {
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
            return Optional.empty();
        }
        Object value = runtime.getVariable(processInstanceId, ProcessVariables.JOINT_REVIEW_OUTCOME);
        return value instanceof String s ? Optional.of(CountersignRule.Outcome.valueOf(s)) : Optional.empty();
    }

    /**
     * The countersign rule of a process version's joint-review step (the first multi-instance user task of
     * category {@code joint-review}), empty if it has none or predates countersign rules.
     */
    public Optional<CountersignRule> rule(String processDefinitionId) {
        if (processDefinitionId == null) {
            return Optional.empty();
        }
        return repository.getBpmnModel(processDefinitionId).getMainProcess()
                .findFlowElementsOfType(org.flowable.bpmn.model.UserTask.class).stream()
                .filter(t -> "joint-review".equals(t.getCategory()) && t.getLoopCharacteristics() != null
                        && !CountersignSpec.elements(t).isEmpty())
                .findFirst().map(CountersignSpec::ruleOf);
    }

    /** 加签: {@code department} joins the countersign that {@code taskId} belongs to. Refusals are 409s. */
    public Signers addSigner(String taskId, String department, SignerPosition position) {
        return run(new SignerCmd(taskId, department, position, true));
    }

    /** 减签: {@code department}, which has not answered yet, leaves the countersign. Refusals are 409s. */
    public Signers removeSigner(String taskId, String department) {
        return run(new SignerCmd(taskId, department, null, false));
    }

    private Signers run(SignerCmd command) {
        try {
            return engine.executeCommand(command);
        } catch (CompleteCmd.Refusal refused) {
            throw refused.refusal();
        }
    }

    /** Where an added signer goes: PARALLEL beside the others; BEFORE/AFTER the current one in a sequence. */
    public enum SignerPosition { BEFORE, AFTER, PARALLEL }

    /** The step after a change: its key and name, the signers in order, whether they sign one after another. */
    public record Signers(String stepKey, String stepName, List<String> departments, boolean sequential) {
    }
}
