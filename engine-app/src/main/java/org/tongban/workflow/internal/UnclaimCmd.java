package org.tongban.workflow.internal;

import java.util.Optional;
import java.util.function.Consumer;
import org.flowable.engine.TaskService;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.tongban.workflow.WorkTask;

/** 取消签收: the assignee gives the task back to the department's queue (and forgets an old delegation). */
public final class UnclaimCmd extends TaskOperationCmd {

    public UnclaimCmd(String taskId, Consumer<Optional<WorkTask>> check) {
        super(taskId, check);
    }

    @Override
    protected void change(TaskService tasks, TaskEntity task) {
        if (task.getOwner() != null) {
            tasks.setOwner(task.getId(), null);
        }
        task.setDelegationState(null);
        tasks.unclaim(task.getId());
    }
}
