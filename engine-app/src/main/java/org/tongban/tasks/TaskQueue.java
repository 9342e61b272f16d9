package org.tongban.tasks;

import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.flowable.engine.TaskService;
import org.flowable.identitylink.api.IdentityLinkInfo;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskInfo;
import org.flowable.task.api.TaskQuery;
import org.springframework.stereotype.Service;
import org.tongban.cases.CaseFile;
import org.tongban.cases.CaseRef;
import org.tongban.cases.Cases;
import org.tongban.cases.DoneStep;
import org.tongban.cases.StepKind;
import org.tongban.identity.TongbanUser;
import org.tongban.shared.ApiException;
import org.tongban.shared.ProcessVariables;

/** Approver queues: what my departments may claim or I hold (待办), and what I completed (已办). */
@Service
public class TaskQueue {

    private final TaskService tasks;
    private final Cases cases;

    TaskQueue(TaskService tasks, Cases cases) {
        this.tasks = tasks;
        this.cases = cases;
    }

    /**
     * 待办: unclaimed tasks of my departments and tasks I hold, filtered, ordered and paged in the engine's own
     * query (one statement for the page, one for the total). With {@code claimed=true} also the tasks colleagues
     * of my departments have claimed, so everyone sees what is being worked.
     */
    public TaskPage<TaskView> todo(TongbanUser user, TaskFilter filter) {
        TaskQuery query = tasks.createTaskQuery();
        if (filter.mine() || user.departments().isEmpty()) {
            query.taskAssignee(user.username());
        } else if (Boolean.TRUE.equals(filter.claimed())) {
            query.or().taskAssignee(user.username()).taskCandidateGroupIn(user.departments()).ignoreAssigneeValue().endOr();
        } else {
            query.or().taskAssignee(user.username()).taskCandidateGroupIn(user.departments()).endOr();
        }
        if (filter.claimed() != null) {
            if (filter.claimed()) {
                query.taskAssigned();
            } else {
                query.taskUnassigned();
            }
        }
        if (filter.kind() != null) {
            query.taskCategory(filter.kind().category());
        } else {
            query.taskCategoryIn(TaskFilter.APPROVER_KINDS.stream().map(StepKind::category).toList());
        }
        if (filter.caseNumber() != null) {
            query.processInstanceBusinessKey(filter.caseNumber());
        }
        if (filter.itemCode() != null) {
            query.processVariableValueEquals(ProcessVariables.ITEM_CODE, filter.itemCode());
        }
        if (filter.dueBefore() != null) {
            query.taskDueBefore(Date.from(filter.dueBefore()));
        }
        long total = query.count();
        switch (filter.sort()) {
            case CREATED_AT_ASC -> query.orderByTaskCreateTime().asc();
            case CREATED_AT_DESC -> query.orderByTaskCreateTime().desc();
            case DUE_DATE_ASC -> query.orderByDueDateNullsLast().asc();
            case DUE_DATE_DESC -> query.orderByDueDateNullsLast().desc();
        }
        List<TaskView> items = total <= filter.firstResult() ? List.of()
                : query.orderByTaskId().asc().includeIdentityLinks().includeProcessVariables()
                .listPage(filter.firstResult(), filter.size()).stream().map(TaskQueue::view).toList();
        return new TaskPage<>(items, filter.page(), filter.size(), total);
    }

    /**
     * 已办: the steps I completed, newest first, from our own case history (what I did, with my action and
     * opinion), not the engine's task history.
     */
    public TaskPage<DoneStep> done(TongbanUser user, TaskFilter filter) {
        long total = cases.countStepsBy(user);
        List<DoneStep> items = total <= filter.firstResult() ? List.of() : cases.stepsBy(user, filter.firstResult(), filter.size());
        return new TaskPage<>(items, filter.page(), filter.size(), total);
    }

    /** One visibility check (the task's) and one read of the case: whoever may work a step may see its case. */
    public TaskDetail detail(TongbanUser user, String taskId) {
        Task task = visibleTask(user, taskId);
        StepKind kind = StepKind.ofCategory(task.getCategory()).orElseThrow();
        CaseFile file = cases.fileOfWorkableTask(task.getProcessInstanceId());
        return new TaskDetail(viewOf(task, file.ref()), kind.actions().stream().sorted().toList(), file.view(), file.history());
    }

    /** The open task if this approver may work it (assigned to them, or a candidate of their department); else 404. */
    Task visibleTask(TongbanUser user, String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).includeIdentityLinks().singleResult();
        if (task == null || !mayWork(user, task) || StepKind.CORRECTION.category().equals(task.getCategory())) {
            throw ApiException.notFound("task-not-found", taskId);
        }
        return task;
    }

    static boolean mayWork(TongbanUser user, TaskInfo task) {
        return user.username().equals(task.getAssignee())
                || departments(task).stream().anyMatch(user::inDepartment);
    }

    static List<String> departments(TaskInfo task) {
        return task.getIdentityLinks().stream().filter(l -> "candidate".equals(l.getType()))
                .map(IdentityLinkInfo::getGroupId).filter(Objects::nonNull).toList();
    }

    /** An open task of a known case (no process variables needed). */
    static TaskView viewOf(TaskInfo t, CaseRef ref) {
        return view(t, ref.caseNumber(), ref.itemCode());
    }

    private static TaskView view(TaskInfo t) {
        return view(t, variable(t, ProcessVariables.CASE_NUMBER), variable(t, ProcessVariables.ITEM_CODE));
    }

    private static TaskView view(TaskInfo t, String caseNumber, String itemCode) {
        return new TaskView(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getCategory(), caseNumber, itemCode,
                departments(t), t.getAssignee(), t.getCreateTime().toInstant(), t.getDueDate() == null ? null : t.getDueDate().toInstant());
    }

    private static String variable(TaskInfo t, String name) {
        return t.getProcessVariables() == null ? null : (String) t.getProcessVariables().get(name);
    }
}
