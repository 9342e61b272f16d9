package org.tongban.workflow.internal;

import java.util.Optional;
import java.util.function.Consumer;
import org.flowable.engine.TaskService;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.tongban.workflow.WorkTask;

/**
 * 委派办理完毕: the delegate answers; the task returns to its owner (RESOLVED), who completes it. Also the owner's
 * take-back (收回委派) of a pending delegation, which has the same effect on the task.
 */
public final class ResolveCmd extends TaskOperationCmd {

    public ResolveCmd(String taskId, Consumer<Optional<WorkTask>> check) {
        super(taskId, check);
    }

    @Override
    protected void change(TaskService tasks, TaskEntity task) {
        tasks.resolveTask(task.getId());
    }
}
