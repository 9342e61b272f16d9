package org.tongban.tasks;

import java.util.List;
import java.util.Objects;
import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.flowable.identitylink.api.IdentityLinkInfo;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskInfo;
import org.springframework.stereotype.Service;
import org.tongban.cases.CaseRef;
import org.tongban.cases.Cases;
import org.tongban.cases.StepKind;
import org.tongban.identity.TongbanUser;
import org.tongban.shared.ApiException;
import org.tongban.shared.ProcessVariables;

/** Approver queues: what my departments may claim or I hold (待办), and what I completed (已办). */
@Service
public class TaskQueue {

    private static final int PAGE = 200;

    private final TaskService tasks;
    private final HistoryService history;
    private final Cases cases;

    TaskQueue(TaskService tasks, HistoryService history, Cases cases) {
        this.tasks = tasks;
        this.history = history;
        this.cases = cases;
    }

    public List<TaskView> todo(TongbanUser user) {
        var query = tasks.createTaskQuery().includeIdentityLinks().includeProcessVariables().orderByTaskCreateTime().asc();
        if (user.departments().isEmpty()) {
            query.taskAssignee(user.username());
        } else {
            query.or().taskAssignee(user.username()).taskCandidateGroupIn(user.departments()).endOr();
        }
        return query.listPage(0, PAGE).stream()
                .filter(t -> !StepKind.CORRECTION.category().equals(t.getCategory()))
                .map(t -> view(t, null)).toList();
    }

    public List<TaskView> done(TongbanUser user) {
        return history.createHistoricTaskInstanceQuery().taskAssignee(user.username()).finished()
                .includeIdentityLinks().includeProcessVariables().orderByHistoricTaskInstanceEndTime().desc().listPage(0, PAGE).stream()
                .map(t -> view(t, t.getEndTime() == null ? null : t.getEndTime().toInstant())).toList();
    }

    public TaskDetail detail(TongbanUser user, String taskId) {
        Task task = visibleTask(user, taskId);
        StepKind kind = StepKind.ofCategory(task.getCategory()).orElseThrow();
        CaseRef ref = cases.byProcessInstance(task.getProcessInstanceId());
        String caseNumber = ref.caseNumber();
        return new TaskDetail(viewOf(task, ref), kind.actions().stream().sorted().toList(),
                cases.view(user, caseNumber), cases.history(user, caseNumber));
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
        return view(t, ref.caseNumber(), ref.itemCode(), null);
    }

    private static TaskView view(TaskInfo t, java.time.Instant completedAt) {
        return view(t, variable(t, ProcessVariables.CASE_NUMBER), variable(t, ProcessVariables.ITEM_CODE), completedAt);
    }

    private static TaskView view(TaskInfo t, String caseNumber, String itemCode, java.time.Instant completedAt) {
        return new TaskView(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getCategory(), caseNumber, itemCode,
                departments(t), t.getAssignee(), t.getCreateTime().toInstant(), completedAt);
    }

    private static String variable(TaskInfo t, String name) {
        return t.getProcessVariables() == null ? null : (String) t.getProcessVariables().get(name);
    }
}
