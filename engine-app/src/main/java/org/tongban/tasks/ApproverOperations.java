package org.tongban.tasks;

import java.util.ArrayList;
import java.util.List;
import org.tongban.identity.Actor;
import org.tongban.shared.DomainException;
import org.tongban.workflow.WorkTask;

/**
 * Who may do which operation on a task, as rules over the task's holder: the task detail's {@code operations}
 * and the refusals of the operations themselves come from here, so the two always agree.
 */
public final class ApproverOperations {

    private ApproverOperations() {
    }

    /** The operations this user may do on a task they may see, now. */
    public static List<String> available(Actor user, WorkTask task) {
        String me = user.username();
        var ops = new ArrayList<String>();
        boolean holder = me.equals(task.assignee()) && !task.delegated();
        if (task.assignee() == null) {
            ops.add("claim");
        }
        if (holder) {
            ops.add("unclaim");
        }
        if (holder || task.assignee() == null) {
            ops.add("complete");
            ops.add("transfer");
        }
        if (holder) {
            ops.add("delegate");
        }
        if (task.delegated() && me.equals(task.assignee())) {
            ops.add("resolve");
        }
        if (task.delegated() && me.equals(task.owner())) {
            ops.add("take-back");
        }
        ops.add("cc");
        return List.copyOf(ops);
    }

    /**
     * Refuses, with the reason, anyone but the task's current holder: the assignee of a task that is not
     * delegated. {@code unclaimedToo}: a candidate of an unclaimed task also counts (complete, transfer).
     */
    static void requireHolder(Actor user, WorkTask task, boolean unclaimedToo) {
        String me = user.username();
        if (task.delegated()) {
            if (me.equals(task.assignee())) {
                throw DomainException.conflict("task-delegated", task.id());
            }
            if (me.equals(task.owner())) {
                throw DomainException.conflict("delegation-pending", task.id(), task.assignee());
            }
        }
        if (task.assignee() == null) {
            if (!unclaimedToo) {
                throw DomainException.conflict("task-not-claimed", task.id());
            }
            return;
        }
        if (!me.equals(task.assignee())) {
            throw DomainException.conflict("task-claimed-by-other", task.id());
        }
    }
}
