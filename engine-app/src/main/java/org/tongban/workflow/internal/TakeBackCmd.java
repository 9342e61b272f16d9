package org.tongban.workflow.internal;

import java.util.Optional;
import java.util.function.Consumer;
import org.flowable.engine.TaskService;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.tongban.workflow.WorkTask;

/**
 * 收回委派: the owner takes a pending delegation back before the delegate answered; the engine's effect is the
 * one of a resolution (assignee = owner, RESOLVED), the history tells the two apart.
 */
public final class TakeBackCmd extends TaskOperationCmd {

    public TakeBackCmd(String taskId, Consumer<Optional<WorkTask>> check) {
        super(taskId, check);
    }

    @Override
    protected void change(TaskService tasks, TaskEntity task) {
        tasks.resolveTask(task.getId());
    }
}
