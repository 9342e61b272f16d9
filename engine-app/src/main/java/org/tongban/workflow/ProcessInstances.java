package org.tongban.workflow;

import java.util.Map;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.tongban.workflow.internal.StartProcessCmd;

/** Starting a case's process. */
@Service
public class ProcessInstances {

    private final ManagementService engine;
    private final RuntimeService runtime;

    ProcessInstances(ManagementService engine, RuntimeService runtime) {
        this.engine = engine;
        this.runtime = runtime;
    }

    /** Ends a running case's process and its open tasks (e.g. the applicant withdrew), in the caller's transaction. */
    public void end(String processInstanceId, String reason) {
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
            runtime.deleteProcessInstance(processInstanceId, reason);
        }
    }

    /** Records on the running process when its case was last urged ({@link ProcessVariables#URGED_AT}). */
    public void markUrged(String processInstanceId, java.time.Instant at) {
        runtime.setVariable(processInstanceId, ProcessVariables.URGED_AT, java.util.Date.from(at));
    }

    /** Sets process variables of a running case's process (e.g. the departments of a new joint-review round). */
    public void setVariables(String processInstanceId, Map<String, Object> variables) {
        if (variables.isEmpty()) {
            return;
        }
        runtime.setVariables(processInstanceId, variables);
    }

    /**
     * Starts the latest version of {@code processKey} under the instance id given (fixed by the caller before
     * start); returns the process definition id started.
     */
    public String start(String processKey, String businessKey, String processInstanceId, String name,
                        Map<String, Object> variables) {
        return engine.executeCommand(new StartProcessCmd(processKey, businessKey, processInstanceId, name, variables));
    }
}
