package org.tongban.workflow;

import java.util.List;
import java.util.Optional;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.tongban.catalogue.ServiceItem;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;
import org.tongban.workflow.internal.BpmnSafety;

/**
 * An item's BPMN: the checks it must pass before it may reach the engine, its deployment and its versions.
 * Identical content is not deployed again (Flowable's duplicate filter over the item's deployments).
 */
@Service
public class ProcessDefinitions {

    /** The largest BPMN file accepted. */
    public static final int MAX_BYTES = BpmnSafety.MAX_BYTES;

    private final RepositoryService repository;
    private final HistoryService history;
    private final BpmnSafety safety;

    ProcessDefinitions(RepositoryService repository, HistoryService history, BpmnSafety safety) {
        this.repository = repository;
        this.history = history;
        this.safety = safety;
    }

    /** What is wrong with this BPMN for this item; empty if it may be deployed. */
    public List<FieldProblem> check(ServiceItem item, byte[] bpmn) {
        return safety.check(item, bpmn);
    }

    /**
     * Deploys content that passed {@link #check}; returns the latest version. Content equal to the latest
     * version's deploys nothing. The comparison is ours, with the latest process version: Flowable's duplicate
     * filter compares with the latest deployment by deployment time, which MySQL cannot order within one second,
     * so restoring an earlier version right after another deploy could be taken for a duplicate and skipped.
     */
    public ProcessVersion deployChecked(ServiceItem item, byte[] bpmn) {
        ProcessDefinition latest = repository.createProcessDefinitionQuery()
                .processDefinitionKey(item.processKey()).latestVersion().singleResult();
        if (latest == null || !java.util.Arrays.equals(xmlOf(latest.getId()), bpmn)) {
            repository.createDeployment()
                    .name(item.code()).key(item.code()).category(item.code())
                    .addBytes(item.code() + ".bpmn20.xml", bpmn)
                    .deploy();
        }
        return versions(item).stream().filter(ProcessVersion::latest).findFirst()
                .orElseThrow(() -> new IllegalStateException("no deployed process " + item.processKey() + " for " + item.code()));
    }

    /** The BPMN XML of the item's latest deployed process version. */
    public byte[] latestXml(ServiceItem item) {
        ProcessDefinition latest = repository.createProcessDefinitionQuery()
                .processDefinitionKey(item.processKey()).latestVersion().singleResult();
        if (latest == null) {
            throw DomainException.notFound("process-not-deployed", item.code());
        }
        try (var xml = repository.getProcessModel(latest.getId())) {
            return xml.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The BPMN XML of one deployed version of the item's process (404 if there is no such version). */
    /**
     * The BPMN XML of the version a process instance runs (or ran) on: a case's own diagram, which a designer's
     * later version may differ from. Read from the instance's history row, kept at every history level we use, until
     * history cleaning deletes it a year after the instance ended ({@code flowable.history-cleaning-after}): then
     * {@code recordedDefinitionId} (the version the case recorded when it started, tb_case.process_definition_id) is
     * asked for, if given.
     */
    public Optional<byte[]> xmlOfInstance(String processInstanceId, java.util.function.Supplier<String> recordedDefinitionId) {
        var instance = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        String definitionId = instance != null ? instance.getProcessDefinitionId() : recordedDefinitionId.get();
        return Optional.ofNullable(definitionId).map(this::xmlOf);
    }

    private byte[] xmlOf(String processDefinitionId) {
        try (var xml = repository.getProcessModel(processDefinitionId)) {
            return xml.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public byte[] versionXml(ServiceItem item, int version) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery()
                .processDefinitionKey(item.processKey()).processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw DomainException.notFound("process-version-not-found", item.code(), version);
        }
        try (var xml = repository.getProcessModel(definition.getId())) {
            return xml.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public List<ProcessVersion> versions(ServiceItem item) {
        List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery()
                .processDefinitionKey(item.processKey()).orderByProcessDefinitionVersion().desc().list();
        int latest = definitions.isEmpty() ? -1 : definitions.get(0).getVersion();
        return definitions.stream().map(d -> new ProcessVersion(item.code(), d.getId(), d.getVersion(), d.getDeploymentId(),
                repository.createDeploymentQuery().deploymentId(d.getDeploymentId()).singleResult().getDeploymentTime().toInstant(),
                d.getVersion() == latest)).toList();
    }
}
