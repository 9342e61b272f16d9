package org.tongban.workflow;

import java.util.Map;
import org.flowable.engine.ManagementService;
import org.springframework.stereotype.Service;
import org.tongban.workflow.internal.StartProcessCmd;

/** Starting a case's process. */
@Service
public class ProcessInstances {

    private final ManagementService engine;

    ProcessInstances(ManagementService engine) {
        this.engine = engine;
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
