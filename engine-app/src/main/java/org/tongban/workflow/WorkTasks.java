package org.tongban.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flowable.engine.ManagementService;
import org.flowable.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.workflow.internal.ClaimCmd;
import org.tongban.workflow.internal.CompleteCmd;
import org.tongban.workflow.internal.DelegateCmd;
import org.tongban.workflow.internal.ResolveCmd;
import org.tongban.workflow.internal.TaskOperationCmd;
import org.tongban.workflow.internal.TransferCmd;
import org.tongban.workflow.internal.UnclaimCmd;
import org.tongban.workflow.internal.TaskLockMapper;
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
    private final TaskLockMapper locks;

    WorkTasks(TaskService tasks, ManagementService engine, TodoMapper todo, TaskLockMapper locks) {
        this.tasks = tasks;
        this.engine = engine;
        this.todo = todo;
        this.locks = locks;
    }

    /**
     * 待办: filtered, ordered and paged in one statement (the total rides on the page). Without a case-number or item
     * filter the departments' queues are read from tb_todo_candidate (TodoProjection), else from the engine's tables.
     */
    @Transactional // not readOnly: on MySQL 8 Connector/J would send SET SESSION TRANSACTION READ ONLY / READ WRITE around it
    public WorkTaskPage todo(TaskCriteria criteria) {
        Map<String, Object> q = new HashMap<>();
        q.put("itemCodeVariable", ProcessVariables.ITEM_CODE);
        q.put("urgedAtVariable", ProcessVariables.URGED_AT);
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
        // a department's queue comes from our own table (V26), except with filters only the engine's tables hold; "only
        // claimed tasks, but not colleagues'" (no API request asks it) is just my own tasks, which the engine's query reads
        boolean queue = !criteria.candidateGroups().isEmpty() && criteria.caseNumber() == null && criteria.itemCode() == null
                && (criteria.includeClaimedByOthers() || !Boolean.TRUE.equals(criteria.claimed()));
        if (queue) {
            q.put("queueClaimed", criteria.claimed() != null ? criteria.claimed() : criteria.includeClaimedByOthers() ? null : Boolean.FALSE);
            int window = criteria.firstResult() + criteria.maxResults();
            q.put("window", Integer.highestOneBit(Math.max(31, window - 1)) << 1); // ≥ window, a power of two
        }
        var items = new LinkedHashMap<String, WorkTask>();
        long total = -1;
        for (TodoRow row : queue ? todo.queuePage(q) : todo.page(q)) {
            total = row.total();
            WorkTask task = items.computeIfAbsent(row.id(), id -> new WorkTask(id, row.stepKey(), row.name(), row.category(),
                    row.processInstanceId(), row.assignee(), new ArrayList<>(), row.createdAt(), row.dueAt(),
                    row.caseNumber(), row.itemCode(), row.owner(), "PENDING".equals(row.delegation()),
                    row.urgedAt() == null ? null : java.time.Instant.ofEpochMilli(row.urgedAt())));
            if (row.department() != null) {
                task.departments().add(row.department());
            }
        }
        return new WorkTaskPage(List.copyOf(items.values()), total >= 0 ? total : queue ? todo.queueCount(q) : todo.count(q));
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

    /*
     * The operations that change who works a task without completing it. Each {@code check} gets the open task
     * (empty if there is none), checks the caller may do the operation and records it, inside the operation's
     * engine command (see TaskOperationCmd); each answers the task as it is afterwards.
     */

    /** 签收. */
    public WorkTask claim(String taskId, String username, Consumer<Optional<WorkTask>> check) {
        return operate(new ClaimCmd(taskId, username, check));
    }

    /** 取消签收: back to the department's queue. */
    public WorkTask unclaim(String taskId, Consumer<Optional<WorkTask>> check) {
        return operate(new UnclaimCmd(taskId, check));
    }

    /** 转办: {@code to} becomes the assignee. */
    public WorkTask transfer(String taskId, String to, Consumer<Optional<WorkTask>> check) {
        return operate(new TransferCmd(taskId, to, check));
    }

    /** 委派: {@code to} works the task, the assignee keeps it as its owner. */
    public WorkTask delegate(String taskId, String to, Consumer<Optional<WorkTask>> check) {
        return operate(new DelegateCmd(taskId, to, check));
    }

    /** The delegate answers: the task returns to its owner. */
    public WorkTask resolve(String taskId, Consumer<Optional<WorkTask>> check) {
        return operate(new ResolveCmd(taskId, check));
    }

    /**
     * The owner takes a pending delegation back: for the engine the same as the delegate's resolution (assignee =
     * owner, RESOLVED); the history tells the two apart.
     */
    public WorkTask takeBack(String taskId, Consumer<Optional<WorkTask>> check) {
        return operate(new ResolveCmd(taskId, check));
    }

    private WorkTask operate(TaskOperationCmd command) {
        // the task row is locked first, in the caller's transaction, as a completion does (TaskLockMapper)
        locks.lockTask(command.taskId());
        try {
            return engine.executeCommand(command);
        } catch (CompleteCmd.Refusal refused) {
            throw refused.refusal();
        }
    }

    /**
     * 办理: {@code decide} gets the open task (empty if there is none), checks it, records the step's domain
     * effects and returns how to complete it, inside the completing engine command (see {@link CompleteCmd}).
     */
    public void complete(String taskId, Function<Optional<WorkTask>, Completion> decide) {
        try {
            engine.executeCommand(new CompleteCmd(taskId, decide, locks));
        } catch (CompleteCmd.Refusal refused) {
            throw refused.refusal();
        }
    }

    /** 办理 of a task whose caller was already checked (the applicant's own correction step). */
    public void complete(String taskId) {
        complete(taskId, task -> new Completion(Map.of()));
    }

    /**
     * How to complete a task: the outcome variables; {@code verdict} (nullable): a joint-review department's
     * verdict, which the step's countersign rule counts. An unclaimed task is completed as it is, without a claim:
     * who worked the step is in the case history (the done list reads it there, decision 18), and a claim would
     * cost the engine a task update, an activity-instance update and a participant link per step.
     */
    public record Completion(Map<String, Object> variables, CountersignVerdict verdict) {

        public Completion(Map<String, Object> variables) {
            this(variables, null);
        }
    }

    /** One department's answer in a countersign (会签/或签/依次/票签). */
    public record CountersignVerdict(String department, CountersignRule.Verdict verdict) {
    }
}
