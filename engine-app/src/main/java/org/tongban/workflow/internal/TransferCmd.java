package org.tongban.workflow.internal;

import java.util.Optional;
import java.util.function.Consumer;
import org.flowable.engine.TaskService;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.tongban.workflow.WorkTask;

/** 转办: the task's assignee becomes another person for good (an earlier, finished delegation is forgotten). */
public final class TransferCmd extends TaskOperationCmd {

    private final String to;

    public TransferCmd(String taskId, String to, Consumer<Optional<WorkTask>> check) {
        super(taskId, check);
        this.to = to;
    }

    @Override
    protected void change(TaskService tasks, TaskEntity task) {
        if (task.getOwner() != null) {
            tasks.setOwner(task.getId(), null);
        }
        task.setDelegationState(null);
        tasks.setAssignee(task.getId(), to);
    }
}
