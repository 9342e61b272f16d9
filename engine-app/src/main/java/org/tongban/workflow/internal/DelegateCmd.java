package org.tongban.workflow.internal;

import java.util.Optional;
import java.util.function.Consumer;
import org.flowable.engine.TaskService;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.tongban.workflow.WorkTask;

/**
 * 委派: the assignee (who becomes the owner) lets a colleague work the task; the delegation is pending until the
 * delegate resolves it or the owner takes it back (Flowable's delegation: owner, assignee, PENDING).
 */
public final class DelegateCmd extends TaskOperationCmd {

    private final String to;

    public DelegateCmd(String taskId, String to, Consumer<Optional<WorkTask>> check) {
        super(taskId, check);
        this.to = to;
    }

    @Override
    protected void change(TaskService tasks, TaskEntity task) {
        if (task.getOwner() != null && !task.getOwner().equals(task.getAssignee())) {
            tasks.setOwner(task.getId(), task.getAssignee()); // the current assignee delegates, not an earlier owner
        }
        tasks.delegateTask(task.getId(), to);
    }
}
