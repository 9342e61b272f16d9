package org.tongban.designer;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditLog;
import org.tongban.catalogue.ServiceItem;
import org.tongban.shared.DomainException;
import org.tongban.workflow.ProcessDefinitions;
import org.tongban.workflow.ProcessVersion;

/** Validated deployment of an item's BPMN: only checked XML reaches the engine, and each upload is audited. */
@Service
public class ProcessDeployments {

    private final ProcessDefinitions definitions;
    private final AuditLog audit;

    ProcessDeployments(ProcessDefinitions definitions, AuditLog audit) {
        this.definitions = definitions;
        this.audit = audit;
    }

    /** A designer's upload: validated (400 problem listing what is wrong), deployed, audited. */
    @Transactional
    public ProcessVersion deploy(ServiceItem item, byte[] bpmn, String designer) {
        var problems = definitions.check(item, bpmn);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        ProcessVersion version = definitions.deployChecked(item, bpmn);
        audit.record(designer, "PROCESS_DEPLOYED", item.code(), "version " + version.version() + " " + version.processDefinitionId());
        return version;
    }

    public List<ProcessVersion> versions(ServiceItem item) {
        return definitions.versions(item);
    }

    /** The BPMN XML of one deployed version. */
    public byte[] versionXml(ServiceItem item, int version) {
        return definitions.versionXml(item, version);
    }
}
