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

    String FILTER = """
            FROM ACT_RU_TASK T JOIN ACT_RU_EXECUTION E ON E.ID_ = T.PROC_INST_ID_
            LEFT JOIN ACT_RU_VARIABLE V ON V.EXECUTION_ID_ = T.PROC_INST_ID_ AND V.TASK_ID_ IS NULL AND V.NAME_ = #{itemCodeVariable}
            LEFT JOIN ACT_RU_VARIABLE U ON U.EXECUTION_ID_ = T.PROC_INST_ID_ AND U.TASK_ID_ IS NULL AND U.NAME_ = #{urgedAtVariable}
            WHERE T.CATEGORY_ IN <foreach item='c' collection='categories' open='(' separator=',' close=')'>#{c}</foreach>
            <choose>
              <when test='groups.isEmpty()'>AND (T.ASSIGNEE_ = #{assignee} OR T.OWNER_ = #{assignee})</when>
              <otherwise>AND (T.ASSIGNEE_ = #{assignee} OR T.OWNER_ = #{assignee} OR (<if test='!includeClaimedByOthers'>T.ASSIGNEE_ IS NULL AND </if>
                EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK L WHERE L.TASK_ID_ = T.ID_ AND L.TYPE_ = 'candidate' AND L.GROUP_ID_ IN
                <foreach item='g' collection='groups' open='(' separator=',' close=')'>#{g}</foreach>)))</otherwise>
            </choose>
            <if test='claimed != null and claimed'>AND T.ASSIGNEE_ IS NOT NULL</if>
            <if test='claimed != null and !claimed'>AND T.ASSIGNEE_ IS NULL</if>
            <if test='caseNumber != null'>AND E.BUSINESS_KEY_ = #{caseNumber}</if>
            <if test='itemCode != null'>AND V.TEXT_ = #{itemCode}</if>
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

    /** One row per (task, candidate department); {@code total} counts tasks, not rows. */
    @Select("<script>SELECT P.ID_ AS id, P.TASK_DEF_KEY_ AS step_key, P.NAME_ AS name, P.CATEGORY_ AS category, "
            + "P.PROC_INST_ID_ AS process_instance_id, P.ASSIGNEE_ AS assignee, P.CREATE_TIME_ AS created_at, "
            + "P.DUE_DATE_ AS due_at, P.BUSINESS_KEY_ AS case_number, P.ITEM_CODE AS item_code, P.OWNER_ AS owner, "
            + "P.DELEGATION_ AS delegation, P.URGED_AT AS urged_at, P.TOTAL AS total, "
            + "L.GROUP_ID_ AS department FROM (SELECT T.ID_, T.TASK_DEF_KEY_, T.NAME_, T.CATEGORY_, T.PROC_INST_ID_, "
            + "T.ASSIGNEE_, T.CREATE_TIME_, T.DUE_DATE_, E.BUSINESS_KEY_, V.TEXT_ AS ITEM_CODE, T.OWNER_, T.DELEGATION_, "
            + "U.LONG_ AS URGED_AT, COUNT(*) OVER () AS TOTAL "
            + FILTER + " ORDER BY " + ORDER_TASKS + " LIMIT #{maxResults} OFFSET #{firstResult}) P "
            + "LEFT JOIN ACT_RU_IDENTITYLINK L ON L.TASK_ID_ = P.ID_ AND L.TYPE_ = 'candidate' AND L.GROUP_ID_ IS NOT NULL "
            + "ORDER BY " + ORDER_PAGE + ", L.GROUP_ID_</script>")
    List<TodoRow> page(Map<String, Object> q);

    /** Only for a page past the end, where the window count has no row to ride on. */
    @Select("<script>SELECT COUNT(*) " + FILTER + "</script>")
    long count(Map<String, Object> q);

    record TodoRow(String id, String stepKey, String name, String category, String processInstanceId, String assignee,
                   Instant createdAt, Instant dueAt, String caseNumber, String itemCode, String owner, String delegation,
                   Long urgedAt, long total, String department) {
    }
}
