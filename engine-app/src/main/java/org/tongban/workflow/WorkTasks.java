package org.tongban.workflow;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowable.engine.ManagementService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.TaskQuery;
import org.springframework.stereotype.Service;
import org.tongban.workflow.internal.ClaimCmd;
import org.tongban.workflow.internal.CompleteCmd;
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

    WorkTasks(TaskService tasks, ManagementService engine) {
        this.tasks = tasks;
        this.engine = engine;
    }

    /** 待办: filtered, ordered and paged in the engine's own query (one statement for the page, one for the total). */
    public WorkTaskPage todo(TaskCriteria criteria) {
        TaskQuery query = tasks.createTaskQuery();
        if (criteria.candidateGroups().isEmpty()) {
            query.taskAssignee(criteria.assignee());
        } else if (criteria.includeClaimedByOthers()) {
            query.or().taskAssignee(criteria.assignee()).taskCandidateGroupIn(criteria.candidateGroups()).ignoreAssigneeValue().endOr();
        } else {
            query.or().taskAssignee(criteria.assignee()).taskCandidateGroupIn(criteria.candidateGroups()).endOr();
        }
        if (criteria.claimed() != null) {
            if (criteria.claimed()) {
                query.taskAssigned();
            } else {
                query.taskUnassigned();
            }
        }
        if (criteria.categories().size() == 1) {
            query.taskCategory(criteria.categories().get(0));
        } else {
            query.taskCategoryIn(criteria.categories());
        }
        if (criteria.caseNumber() != null) {
            query.processInstanceBusinessKey(criteria.caseNumber());
        }
        if (criteria.itemCode() != null) {
            query.processVariableValueEquals(ProcessVariables.ITEM_CODE, criteria.itemCode());
        }
        if (criteria.dueBefore() != null) {
            query.taskDueBefore(Date.from(criteria.dueBefore()));
        }
        long total = query.count();
        switch (criteria.order()) {
            case CREATED_ASC -> query.orderByTaskCreateTime().asc();
            case CREATED_DESC -> query.orderByTaskCreateTime().desc();
            case DUE_ASC -> query.orderByDueDateNullsLast().asc();
            case DUE_DESC -> query.orderByDueDateNullsLast().desc();
        }
        List<WorkTask> items = total <= criteria.firstResult() ? List.of()
                : query.orderByTaskId().asc().includeIdentityLinks().includeProcessVariables()
                .listPage(criteria.firstResult(), criteria.maxResults()).stream().map(t -> WorkTaskMapping.of(t, true, true)).toList();
        return new WorkTaskPage(items, total);
    }

    /** The open task with this id, with its candidate departments. */
    public Optional<WorkTask> open(String taskId) {
        return Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).includeIdentityLinks().singleResult())
                .map(t -> WorkTaskMapping.of(t, true, false));
    }

    /** The open tasks of a process instance, oldest first. */
    public List<WorkTask> ofProcess(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).includeIdentityLinks()
                .orderByTaskCreateTime().asc().list().stream().map(t -> WorkTaskMapping.of(t, true, false)).toList();
    }

    /**
     * The open task of this category assigned to {@code assignee} in a process instance (e.g. the applicant's
     * correction), without its departments.
     */
    public Optional<WorkTask> assigned(String processInstanceId, String category, String assignee) {
        return Optional.ofNullable(tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskCategory(category).taskAssignee(assignee).singleResult()).map(t -> WorkTaskMapping.of(t, false, false));
    }

    /** 签收. */
    public void claim(String taskId, String username) {
        engine.executeCommand(new ClaimCmd(taskId, username));
    }

    /** 办理: completes with the step's outcome; {@code claimAs} (nullable) first claims an unclaimed task. */
    public void complete(String taskId, String claimAs, Map<String, Object> variables) {
        engine.executeCommand(new CompleteCmd(taskId, claimAs, variables));
    }
}
