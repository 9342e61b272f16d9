package org.tongban.workflow.internal;

import java.util.Optional;
import java.util.function.Consumer;
import org.flowable.engine.TaskService;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.tongban.workflow.WorkTask;

/** 签收: the approver takes the task, so colleagues see it is being worked. */
public final class ClaimCmd extends TaskOperationCmd {

    private final String username;

    public ClaimCmd(String taskId, String username, Consumer<Optional<WorkTask>> check) {
        super(taskId, check);
        this.username = username;
    }

    @Override
    protected void change(TaskService tasks, TaskEntity task) {
        tasks.claim(task.getId(), username);
    }
}
