package org.tongban.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.flowable.engine.ManagementService;
import org.flowable.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.workflow.internal.ClaimCmd;
import org.tongban.workflow.internal.CompleteCmd;
import org.tongban.workflow.internal.TodoMapper;
import org.tongban.workflow.internal.TodoMapper.TodoRow;
import org.tongban.workflow.internal.WorkTaskMapping;

/**
 * Open user tasks: the queries the queues and case views need, and the approver operations, each one command
 * class run by the engine (as Flowable's own TaskServiceImpl dispatches its *Cmd classes). Callers that change
 * domain state with an operation wrap both in {@link RetryingTransaction}.
 */
@Service
public class WorkTasks {

    private final TaskService tasks;
    private final ManagementService engine;
    private final TodoMapper todo;

    WorkTasks(TaskService tasks, ManagementService engine, TodoMapper todo) {
        this.tasks = tasks;
        this.engine = engine;
        this.todo = todo;
    }

    /** 待办: filtered, ordered and paged in one statement (the total rides on the page as a window count). */
    @Transactional // not readOnly: on MySQL 8 Connector/J would send SET SESSION TRANSACTION READ ONLY / READ WRITE around it
    public WorkTaskPage todo(TaskCriteria criteria) {
        Map<String, Object> q = new HashMap<>();
        q.put("itemCodeVariable", ProcessVariables.ITEM_CODE);
        q.put("categories", criteria.categories());
        q.put("assignee", criteria.assignee());
        q.put("groups", criteria.candidateGroups());
        q.put("includeClaimedByOthers", criteria.includeClaimedByOthers());
        q.put("claimed", criteria.claimed());
        q.put("caseNumber", criteria.caseNumber());
        q.put("itemCode", criteria.itemCode());
        q.put("dueBefore", criteria.dueBefore());
        q.put("order", criteria.order().name());
        q.put("firstResult", criteria.firstResult());
        q.put("maxResults", criteria.maxResults());
        var items = new LinkedHashMap<String, WorkTask>();
        long total = -1;
        for (TodoRow row : todo.page(q)) {
            total = row.total();
            WorkTask task = items.computeIfAbsent(row.id(), id -> new WorkTask(id, row.stepKey(), row.name(), row.category(),
                    row.processInstanceId(), row.assignee(), new ArrayList<>(), row.createdAt(), row.dueAt(),
                    row.caseNumber(), row.itemCode()));
            if (row.department() != null) {
                task.departments().add(row.department());
            }
        }
        return new WorkTaskPage(List.copyOf(items.values()), total >= 0 ? total : todo.count(q));
    }

    /** The open task with this id, with its candidate departments. */
    public Optional<WorkTask> open(String taskId) {
        return Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).includeIdentityLinks().singleResult())
                .map(t -> WorkTaskMapping.of(t, true));
    }

    /** The open tasks of a process instance, oldest first. */
    public List<WorkTask> ofProcess(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).includeIdentityLinks()
                .orderByTaskCreateTime().asc().list().stream().map(t -> WorkTaskMapping.of(t, true)).toList();
    }

    /**
     * The open task of this category assigned to {@code assignee} in a process instance (e.g. the applicant's
     * correction), without its departments.
     */
    public Optional<WorkTask> assigned(String processInstanceId, String category, String assignee) {
        return Optional.ofNullable(tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskCategory(category).taskAssignee(assignee).singleResult()).map(t -> WorkTaskMapping.of(t, false));
    }

    /** 签收. */
    public void claim(String taskId, String username) {
        engine.executeCommand(new ClaimCmd(taskId, username));
    }

    /**
     * 办理: {@code decide} gets the open task (empty if there is none), checks it, records the step's domain
     * effects and returns how to complete it, inside the completing engine command (see {@link CompleteCmd}).
     */
    public void complete(String taskId, Function<Optional<WorkTask>, Completion> decide) {
        try {
            engine.executeCommand(new CompleteCmd(taskId, decide));
        } catch (CompleteCmd.Refusal refused) {
            throw refused.refusal();
        }
    }

    /** 办理 of a task whose caller was already checked (the applicant's own correction step). */
    public void complete(String taskId) {
        complete(taskId, task -> new Completion(null, Map.of()));
    }

    /**
     * How to complete a task: {@code claimAs} (nullable) first claims an unclaimed one; the outcome variables;
     * {@code verdict} (nullable): a joint-review department's verdict, which the step's countersign rule counts.
     */
    public record Completion(String claimAs, Map<String, Object> variables, CountersignVerdict verdict) {

        public Completion(String claimAs, Map<String, Object> variables) {
            this(claimAs, variables, null);
        }
    }

    /** One department's answer in a countersign (会签/或签/依次/票签). */
    public record CountersignVerdict(String department, CountersignRule.Verdict verdict) {
    }
}
