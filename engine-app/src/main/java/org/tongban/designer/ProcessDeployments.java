package org.tongban.designer;

import java.util.List;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditLog;
import org.tongban.catalogue.ServiceItem;
import org.tongban.designer.internal.BpmnSafety;
import org.tongban.shared.ApiException;

/**
 * Validated deployment of an item's BPMN. Only validated XML reaches the engine; identical content is not
 * deployed again (Flowable's duplicate filter over the item's deployments).
 */
@Service
public class ProcessDeployments {

    private final RepositoryService repository;
    private final BpmnSafety safety;
    private final AuditLog audit;

    ProcessDeployments(RepositoryService repository, BpmnSafety safety, AuditLog audit) {
        this.repository = repository;
        this.safety = safety;
        this.audit = audit;
    }

    /** A designer's upload: validated (400 problem listing what is wrong), deployed, audited. */
    @Transactional
    public ProcessVersion deploy(ServiceItem item, byte[] bpmn, String designer) {
        var problems = safety.check(item, bpmn);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        ProcessVersion version = deployValidated(item, bpmn);
        audit.record(designer, "PROCESS_DEPLOYED", item.code(), "version " + version.version() + " " + version.processDefinitionId());
        return version;
    }

    /** Deploys content already checked; returns the latest version (unchanged content deploys nothing). */
    ProcessVersion deployValidated(ServiceItem item, byte[] bpmn) {
        Deployment deployment = repository.createDeployment()
                .name(item.code()).key(item.code()).category(item.code())
                .addBytes(item.code() + ".bpmn20.xml", bpmn)
                .enableDuplicateFiltering()
                .deploy();
        return versions(item).stream().filter(ProcessVersion::latest).findFirst()
                .orElseThrow(() -> new IllegalStateException("deployment " + deployment.getId() + " has no process " + item.processKey()));
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
