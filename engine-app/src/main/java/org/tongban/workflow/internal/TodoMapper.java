package org.tongban.workflow.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/**
 * The to-do page in one read-only statement over the engine's runtime tables: the page of tasks (filtered,
 * ordered, paged, with the total as a window count), each with its case number (the process instance's
 * business key), item code and candidate departments. Besides the tasks assigned to the user (a delegate's
 * included) it lists the tasks they delegated (OWNER_), so an owner still sees what waits for the delegate;
 * each with when its case was last urged (the process variable urgedAt, a date: LONG_ holds its milliseconds).
 * Flowable's TaskQuery needs a count, the page, and every process variable of every listed task (a serialized
 * one read row by row) for the same answer. Written
 * against the columns TaskQuery itself filters on (QueueAndCompletionContractTest compares the two); the
 * parameters are the map {@code WorkTasks.todo} builds.
 */
@Mapper
public interface TodoMapper {

    /**
     * The tasks that may match, found through indexes from each side of the filter's OR: assigned to the user, owned
     * by them (tb_ix_task_assignee, tb_ix_task_owner), candidates of their departments (tb_ix_ident_lnk_group_task,
     * covering); Flyway V23. With 100,000 open tasks the OR itself made the database read every open task and probe
     * its links (0.5 s a page, docs/scale.md).
     */
    String CANDIDATES = """
            SELECT A.ID_ FROM ACT_RU_TASK A WHERE A.ASSIGNEE_ = #{assignee}
            UNION SELECT O.ID_ FROM ACT_RU_TASK O WHERE O.OWNER_ = #{assignee}
            <if test='!groups.isEmpty()'>UNION SELECT G.TASK_ID_ FROM ACT_RU_IDENTITYLINK G WHERE G.GROUP_ID_ IN
              <foreach item='g' collection='groups' open='(' separator=',' close=')'>#{g}</foreach> AND G.TYPE_ = 'candidate' AND G.TASK_ID_ IS NOT NULL</if>
            """;

    /**
     * The to-do filter: the user's tasks (assigned or owned) and, with {@code groups}, their departments' candidate
     * tasks that nobody has claimed (or that colleagues claimed, {@code includeClaimedByOthers}). A task among
     * CANDIDATES that is neither the user's assigned nor owned one came from a candidate link of their departments,
     * so "a candidate of my departments" needs no second look at the links here.
     */
    String FILTER = "FROM (" + CANDIDATES + """
            ) K JOIN ACT_RU_TASK T ON T.ID_ = K.ID_
            <if test='caseNumber != null'>JOIN ACT_RU_EXECUTION E ON E.ID_ = T.PROC_INST_ID_ AND E.BUSINESS_KEY_ = #{caseNumber}</if>
            <if test='itemCode != null'>JOIN ACT_RU_VARIABLE V ON V.EXECUTION_ID_ = T.PROC_INST_ID_ AND V.TASK_ID_ IS NULL
              AND V.NAME_ = #{itemCodeVariable} AND V.TEXT_ = #{itemCode}</if>
            WHERE T.PROC_INST_ID_ IS NOT NULL
            AND T.CATEGORY_ IN <foreach item='c' collection='categories' open='(' separator=',' close=')'>#{c}</foreach>
            <if test='!groups.isEmpty() and !includeClaimedByOthers'>AND (T.ASSIGNEE_ = #{assignee} OR T.OWNER_ = #{assignee} OR T.ASSIGNEE_ IS NULL)</if>
            <if test='claimed != null and claimed'>AND T.ASSIGNEE_ IS NOT NULL</if>
            <if test='claimed != null and !claimed'>AND T.ASSIGNEE_ IS NULL</if>
            <if test='dueBefore != null'>AND T.DUE_DATE_ &lt; #{dueBefore}</if>
            """;

    String ORDER_TASKS = """
            <choose>
              <when test="order == 'CREATED_DESC'">T.CREATE_TIME_ DESC,</when>
              <when test="order == 'DUE_ASC'">CASE WHEN T.DUE_DATE_ IS NULL THEN 1 ELSE 0 END, T.DUE_DATE_ ASC,</when>
              <when test="order == 'DUE_DESC'">CASE WHEN T.DUE_DATE_ IS NULL THEN 1 ELSE 0 END, T.DUE_DATE_ DESC,</when>
              <otherwise>T.CREATE_TIME_ ASC,</otherwise>
            </choose> T.ID_ ASC
            """;

    String ORDER_PAGE = """
            <choose>
              <when test="order == 'CREATED_DESC'">P.CREATE_TIME_ DESC,</when>
              <when test="order == 'DUE_ASC'">CASE WHEN P.DUE_DATE_ IS NULL THEN 1 ELSE 0 END, P.DUE_DATE_ ASC,</when>
              <when test="order == 'DUE_DESC'">CASE WHEN P.DUE_DATE_ IS NULL THEN 1 ELSE 0 END, P.DUE_DATE_ DESC,</when>
              <otherwise>P.CREATE_TIME_ ASC,</otherwise>
            </choose> P.ID_ ASC
            """;

    /**
     * One row per (task, candidate department); {@code total} counts tasks, not rows. The count and the order run on
     * narrow rows (id, times); the page's 20 tasks are then read whole, with their case number and variables.
     */
    @Select("<script>SELECT P.ID_ AS id, X.TASK_DEF_KEY_ AS step_key, X.NAME_ AS name, X.CATEGORY_ AS category, "
            + "X.PROC_INST_ID_ AS process_instance_id, X.ASSIGNEE_ AS assignee, P.CREATE_TIME_ AS created_at, "
            + "P.DUE_DATE_ AS due_at, E.BUSINESS_KEY_ AS case_number, I.TEXT_ AS item_code, X.OWNER_ AS owner, "
            + "X.DELEGATION_ AS delegation, U.LONG_ AS urged_at, P.TOTAL AS total, L.GROUP_ID_ AS department "
            + "FROM (SELECT T.ID_, T.CREATE_TIME_, T.DUE_DATE_, COUNT(*) OVER () AS TOTAL "
            + FILTER + " ORDER BY " + ORDER_TASKS + " LIMIT #{maxResults} OFFSET #{firstResult}) P "
            + "JOIN ACT_RU_TASK X ON X.ID_ = P.ID_ JOIN ACT_RU_EXECUTION E ON E.ID_ = X.PROC_INST_ID_ "
            + "LEFT JOIN ACT_RU_VARIABLE I ON I.EXECUTION_ID_ = X.PROC_INST_ID_ AND I.TASK_ID_ IS NULL AND I.NAME_ = #{itemCodeVariable} "
            + "LEFT JOIN ACT_RU_VARIABLE U ON U.EXECUTION_ID_ = X.PROC_INST_ID_ AND U.TASK_ID_ IS NULL AND U.NAME_ = #{urgedAtVariable} "
            + "LEFT JOIN ACT_RU_IDENTITYLINK L ON L.TASK_ID_ = P.ID_ AND L.TYPE_ = 'candidate' AND L.GROUP_ID_ IS NOT NULL "
            + "ORDER BY " + ORDER_PAGE + ", L.GROUP_ID_</script>")
    List<TodoRow> page(Map<String, Object> q);

    /*
     * The departments' queues from tb_todo_candidate (V26, kept by TodoProjection), for a to-do request without a case
     * number or item filter: the tasks of my departments (Q, unclaimed unless {@code queueClaimed} says otherwise)
     * and the ones I hold or delegated (M). A department's queue is counted and its first rows read from one index
     * range; the page merges the first {@code window} = firstResult + maxResults rows of each side. The total is
     * |Q| + |M without Q|. Same answers as the page above (QueueAndCompletionContractTest). {@code window} is an int
     * written into the text, rounded up to a power of two so there are few texts to prepare: H2 2.3 reuses a bound LIMIT
     * inside a UNION's branch from the statement's first execution.
     */

    String QUEUE = """
            FROM tb_todo_candidate C WHERE C.department IN <foreach item='g' collection='groups' open='(' separator=',' close=')'>#{g}</foreach>
            AND C.category IN <foreach item='c' collection='categories' open='(' separator=',' close=')'>#{c}</foreach>
            <if test='queueClaimed != null'>AND C.claimed = #{queueClaimed}</if>
            <if test='dueBefore != null'>AND C.due_at &lt; #{dueBefore}</if>
            """;

    String MINE = """
            FROM (SELECT A.ID_ FROM ACT_RU_TASK A WHERE A.ASSIGNEE_ = #{assignee}
                  UNION SELECT O.ID_ FROM ACT_RU_TASK O WHERE O.OWNER_ = #{assignee}) M JOIN ACT_RU_TASK T ON T.ID_ = M.ID_
            WHERE T.PROC_INST_ID_ IS NOT NULL
            AND T.CATEGORY_ IN <foreach item='c' collection='categories' open='(' separator=',' close=')'>#{c}</foreach>
            <if test='claimed != null and claimed'>AND T.ASSIGNEE_ IS NOT NULL</if>
            <if test='claimed != null and !claimed'>AND T.ASSIGNEE_ IS NULL</if>
            <if test='dueBefore != null'>AND T.DUE_DATE_ &lt; #{dueBefore}</if>
            """;

    String QUEUE_TOTAL = "(SELECT COUNT(<if test='groups.size() > 1'>DISTINCT</if> C.task_id) " + QUEUE + ") + (SELECT COUNT(*) " + MINE
            + " AND NOT EXISTS (SELECT 1 FROM tb_todo_candidate Q WHERE Q.task_id = T.ID_ AND Q.department IN "
            + "<foreach item='g' collection='groups' open='(' separator=',' close=')'>#{g}</foreach>"
            + "<if test='queueClaimed != null'> AND Q.claimed = #{queueClaimed}</if>))";

    String ORDER_QUEUE = """
            <choose>
              <when test="order == 'CREATED_DESC'">C.created_at DESC,</when>
              <when test="order == 'DUE_ASC'">CASE WHEN C.due_at IS NULL THEN 1 ELSE 0 END, C.due_at ASC,</when>
              <when test="order == 'DUE_DESC'">CASE WHEN C.due_at IS NULL THEN 1 ELSE 0 END, C.due_at DESC,</when>
              <otherwise>C.created_at ASC,</otherwise>
            </choose> C.task_id ASC
            """;

    String ORDER_WINDOW = """
            <choose>
              <when test="order == 'CREATED_DESC'">W.CREATE_TIME_ DESC,</when>
              <when test="order == 'DUE_ASC'">CASE WHEN W.DUE_DATE_ IS NULL THEN 1 ELSE 0 END, W.DUE_DATE_ ASC,</when>
              <when test="order == 'DUE_DESC'">CASE WHEN W.DUE_DATE_ IS NULL THEN 1 ELSE 0 END, W.DUE_DATE_ DESC,</when>
              <otherwise>W.CREATE_TIME_ ASC,</otherwise>
            </choose> W.ID_ ASC
            """;

    @Select("<script>SELECT P.ID_ AS id, X.TASK_DEF_KEY_ AS step_key, X.NAME_ AS name, X.CATEGORY_ AS category, "
            + "X.PROC_INST_ID_ AS process_instance_id, X.ASSIGNEE_ AS assignee, P.CREATE_TIME_ AS created_at, "
            + "P.DUE_DATE_ AS due_at, E.BUSINESS_KEY_ AS case_number, I.TEXT_ AS item_code, X.OWNER_ AS owner, "
            + "X.DELEGATION_ AS delegation, U.LONG_ AS urged_at, P.TOTAL AS total, L.GROUP_ID_ AS department "
            + "FROM (SELECT W.ID_, W.CREATE_TIME_, W.DUE_DATE_, N.TOTAL FROM ("
            + "(SELECT C.task_id AS ID_, C.created_at AS CREATE_TIME_, C.due_at AS DUE_DATE_ " + QUEUE
            + "<if test='groups.size() > 1'>GROUP BY C.task_id, C.created_at, C.due_at</if> ORDER BY " + ORDER_QUEUE
            + " LIMIT ${window}) UNION "
            + "(SELECT T.ID_, T.CREATE_TIME_, T.DUE_DATE_ " + MINE + " ORDER BY " + ORDER_TASKS + " LIMIT ${window})"
            + ") W CROSS JOIN (SELECT " + QUEUE_TOTAL + " AS TOTAL) N ORDER BY " + ORDER_WINDOW + " LIMIT #{maxResults} OFFSET #{firstResult}) P "
            + "JOIN ACT_RU_TASK X ON X.ID_ = P.ID_ JOIN ACT_RU_EXECUTION E ON E.ID_ = X.PROC_INST_ID_ "
            + "LEFT JOIN ACT_RU_VARIABLE I ON I.EXECUTION_ID_ = X.PROC_INST_ID_ AND I.TASK_ID_ IS NULL AND I.NAME_ = #{itemCodeVariable} "
            + "LEFT JOIN ACT_RU_VARIABLE U ON U.EXECUTION_ID_ = X.PROC_INST_ID_ AND U.TASK_ID_ IS NULL AND U.NAME_ = #{urgedAtVariable} "
            + "LEFT JOIN ACT_RU_IDENTITYLINK L ON L.TASK_ID_ = P.ID_ AND L.TYPE_ = 'candidate' AND L.GROUP_ID_ IS NOT NULL "
            // who may see it is the engine's to say: a row the table kept wrongly never lists another department's task
            + "WHERE X.ASSIGNEE_ = #{assignee} OR X.OWNER_ = #{assignee} OR EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK G "
            + "WHERE G.TASK_ID_ = X.ID_ AND G.TYPE_ = 'candidate' AND G.GROUP_ID_ IN "
            + "<foreach item='g' collection='groups' open='(' separator=',' close=')'>#{g}</foreach>) "
            + "ORDER BY " + ORDER_PAGE + ", L.GROUP_ID_</script>")
    List<TodoRow> queuePage(Map<String, Object> q);

    @Select("<script>SELECT " + QUEUE_TOTAL + "</script>")
    long queueCount(Map<String, Object> q);

    /** Only for a page past the end, where the window count has no row to ride on. */
    @Select("<script>SELECT COUNT(*) " + FILTER + "</script>")
    long count(Map<String, Object> q);

    record TodoRow(String id, String stepKey, String name, String category, String processInstanceId, String assignee,
                   Instant createdAt, Instant dueAt, String caseNumber, String itemCode, String owner, String delegation,
                   Long urgedAt, long total, String department) {
    }
}
