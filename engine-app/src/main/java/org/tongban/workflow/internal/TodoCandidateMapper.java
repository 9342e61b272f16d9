package org.tongban.workflow.internal;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Writes of tb_todo_candidate (Flyway V26), the departments' to-do queues kept by {@link TodoProjection}. */
@Mapper
interface TodoCandidateMapper {

    @Insert("<script>INSERT INTO tb_todo_candidate (task_id, department, claimed, category, created_at, due_at) VALUES "
            + "<foreach item='r' collection='rows' separator=','>(#{r.taskId}, #{r.department}, #{r.claimed}, "
            + "#{r.category}, #{r.createdAt}, #{r.dueAt})</foreach></script>")
    void insert(@Param("rows") Collection<Row> rows);

    @Delete("<script>DELETE FROM tb_todo_candidate WHERE task_id IN "
            + "<foreach item='t' collection='taskIds' open='(' separator=',' close=')'>#{t}</foreach></script>")
    void deleteTasks(@Param("taskIds") Collection<String> taskIds);

    /** What a task's department rows say besides the department; they all say the same. */
    @Update("UPDATE tb_todo_candidate SET claimed = #{claimed}, category = #{category}, created_at = #{createdAt}, "
            + "due_at = #{dueAt} WHERE task_id = #{taskId}")
    void update(Row row);

    /** The candidate departments the engine holds for these tasks, read after it flushed the command's changes. */
    @Select("<script>SELECT DISTINCT TASK_ID_ AS task_id, GROUP_ID_ AS department FROM ACT_RU_IDENTITYLINK WHERE TASK_ID_ IN "
            + "<foreach item='t' collection='taskIds' open='(' separator=',' close=')'>#{t}</foreach>"
            + " AND TYPE_ = 'candidate' AND GROUP_ID_ IS NOT NULL</script>")
    List<Link> candidateLinks(@Param("taskIds") Collection<String> taskIds);

    /**
     * Rows no open task and candidate link stands for, or that say something else than the task (claimed, category,
     * times): only rows older than {@code before}, so a task a running node has just created is not mistaken for one
     * (this statement does not see links committed after it started).
     */
    @Delete("DELETE FROM tb_todo_candidate WHERE (created_at IS NULL OR created_at < #{before}) AND NOT EXISTS ("
            + "SELECT 1 FROM ACT_RU_TASK T JOIN ACT_RU_IDENTITYLINK L ON L.TASK_ID_ = T.ID_ AND L.TYPE_ = 'candidate' "
            + "WHERE T.ID_ = tb_todo_candidate.task_id AND L.GROUP_ID_ = tb_todo_candidate.department AND T.PROC_INST_ID_ IS NOT NULL "
            + "AND (CASE WHEN T.ASSIGNEE_ IS NULL THEN FALSE ELSE TRUE END) = tb_todo_candidate.claimed "
            + "AND COALESCE(T.CATEGORY_, '-') = COALESCE(tb_todo_candidate.category, '-') "
            + "AND COALESCE(T.CREATE_TIME_, TIMESTAMP '1970-01-02 00:00:00') = COALESCE(tb_todo_candidate.created_at, TIMESTAMP '1970-01-02 00:00:00') "
            + "AND COALESCE(T.DUE_DATE_, TIMESTAMP '1970-01-02 00:00:00') = COALESCE(tb_todo_candidate.due_at, TIMESTAMP '1970-01-02 00:00:00'))")
    int deleteOutdated(@Param("before") java.time.Instant before);

    /** The candidate links of open tasks created before {@code before} that have no row (as Flyway V26 filled the table). */
    @Insert("INSERT INTO tb_todo_candidate (task_id, department, claimed, category, created_at, due_at) "
            + "SELECT DISTINCT L.TASK_ID_, L.GROUP_ID_, CASE WHEN T.ASSIGNEE_ IS NULL THEN FALSE ELSE TRUE END, T.CATEGORY_, "
            + "T.CREATE_TIME_, T.DUE_DATE_ FROM ACT_RU_IDENTITYLINK L JOIN ACT_RU_TASK T ON T.ID_ = L.TASK_ID_ "
            + "WHERE L.TYPE_ = 'candidate' AND L.GROUP_ID_ IS NOT NULL AND T.PROC_INST_ID_ IS NOT NULL "
            + "AND (T.CREATE_TIME_ IS NULL OR T.CREATE_TIME_ < #{before}) "
            + "AND NOT EXISTS (SELECT 1 FROM tb_todo_candidate C WHERE C.task_id = L.TASK_ID_ AND C.department = L.GROUP_ID_)")
    int insertMissing(@Param("before") java.time.Instant before);

    record Row(String taskId, String department, boolean claimed, String category, Date createdAt, Date dueAt) {
    }

    record Link(String taskId, String department) {
    }
}
