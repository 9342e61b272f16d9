package org.tongban.workflow.internal;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/**
 * Locks the open task rows of a process instance ({@code FOR UPDATE}, in id order) before an operation that ends
 * them decides on their state (撤回: not claimed, not delegated; 退回: held by no one else). A claim or completion
 * racing it then waits for it and meets an optimistic-locking conflict, or it waits for them and sees what they
 * did; neither decides on a row the other is changing.
 */
@Mapper
public interface TaskLockMapper {

    record LockedTask(String id, String assignee, String delegation, String category) {
    }

    /**
     * Locks one open task row: a completion takes it before it reads anything else, so an operation that ends the
     * task (withdrawal, return, recall) either waits for the completion or has ended the task before it is read.
     */
    @Select("SELECT ID_ FROM ACT_RU_TASK WHERE ID_ = #{taskId} FOR UPDATE")
    String lockTask(String taskId);

    @Select("SELECT ID_ AS id, ASSIGNEE_ AS assignee, DELEGATION_ AS delegation, CATEGORY_ AS category "
            + "FROM ACT_RU_TASK WHERE PROC_INST_ID_ = #{processInstanceId} ORDER BY ID_ FOR UPDATE")
    List<LockedTask> lockOpenTasks(String processInstanceId);
}
