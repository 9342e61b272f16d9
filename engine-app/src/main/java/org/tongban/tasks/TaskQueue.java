package org.tongban.tasks;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tongban.cases.CaseFile;
import org.tongban.cases.CaseRef;
import org.tongban.cases.Cases;
import org.tongban.cases.StepFormEdits;
import org.tongban.forms.FormDefinition;
import org.tongban.forms.Forms;
import org.tongban.cases.DoneStep;
import org.tongban.cases.StepAction;
import org.tongban.cases.StepKind;
import org.tongban.catalogue.Catalogue;
import org.tongban.identity.Actor;
import org.tongban.jointreview.Countersign;
import org.tongban.jointreview.LeadDepartment;
import org.tongban.shared.DomainException;
import org.tongban.workflow.StepMoves;
import org.tongban.workflow.TaskCriteria;
import org.tongban.workflow.WorkTask;
import org.tongban.workflow.WorkTaskPage;
import org.tongban.workflow.WorkTasks;

/** Approver queues: what my departments may claim or I hold (待办), and what I completed (已办). */
@Service
public class TaskQueue {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final WorkTasks tasks;
    private final Cases cases;
    private final Catalogue catalogue;
    private final Countersign countersign;
    private final LeadDepartment lead;
    private final StepMoves moves;
    private final StepFormEdits formEdits;
    private final Forms forms;

    TaskQueue(WorkTasks tasks, Cases cases, Catalogue catalogue, Countersign countersign, LeadDepartment lead,
              StepMoves moves, StepFormEdits formEdits, Forms forms) {
        this.formEdits = formEdits;
        this.forms = forms;
        this.lead = lead;
        this.tasks = tasks;
        this.cases = cases;
        this.catalogue = catalogue;
        this.countersign = countersign;
        this.moves = moves;
    }

    /**
     * 待办: unclaimed tasks of my departments and tasks I hold, filtered, ordered and paged in one statement
     * (workflow's TodoMapper). With {@code claimed=true} also the tasks colleagues
     * of my departments have claimed, so everyone sees what is being worked.
     */
    public TaskPage<TaskView> todo(Actor user, TaskFilter filter) {
        boolean onlyMine = filter.mine() || user.departments().isEmpty();
        TaskCriteria.Order order = switch (filter.sort()) {
            case CREATED_AT_ASC -> TaskCriteria.Order.CREATED_ASC;
            case CREATED_AT_DESC -> TaskCriteria.Order.CREATED_DESC;
            case DUE_DATE_ASC -> TaskCriteria.Order.DUE_ASC;
            case DUE_DATE_DESC -> TaskCriteria.Order.DUE_DESC;
        };
        List<String> categories = filter.kind() != null ? List.of(filter.kind().category())
                : TaskFilter.APPROVER_KINDS.stream().map(StepKind::category).toList();
        WorkTaskPage page = tasks.todo(new TaskCriteria(user.username(), onlyMine ? List.of() : List.copyOf(user.departments()),
                Boolean.TRUE.equals(filter.claimed()), filter.claimed(), categories, filter.caseNumber(), filter.itemCode(),
                filter.dueBefore(), order, filter.firstResult(), filter.size()));
        List<TaskView> items = page.items().stream().map(t -> {
            TaskView view = view(t, t.caseNumber(), t.itemCode());
            // an urge before the task existed was meant for an earlier step's holders
            return t.urgedAt() != null && !t.urgedAt().isBefore(t.createdAt()) ? view.withUrgedAt(t.urgedAt()) : view;
        }).toList();
        return new TaskPage<>(items, filter.page(), filter.size(), page.total());
    }

    /**
     * 已办: the steps I completed, newest first, from our own case history (what I did, with my action and
     * opinion), not the engine's task history.
     */
    public TaskPage<DoneStep> done(Actor user, TaskFilter filter) {
        long total = cases.countStepsBy(user);
        List<DoneStep> items = total <= filter.firstResult() ? List.of() : cases.stepsBy(user, filter.firstResult(), filter.size());
        return new TaskPage<>(items, filter.page(), filter.size(), total);
    }

    /** One visibility check (the task's) and one read of the case: whoever may work a step may see its case. */
    public TaskDetail detail(Actor user, String taskId) {
        WorkTask task = visibleTask(user, taskId);
        StepKind kind = StepKind.ofCategory(task.category()).orElseThrow();
        CaseFile file = cases.fileOfWorkableTask(task.processInstanceId());
        // exactly what completing the task would accept: no GRANT before the lead's consolidation of the latest
        // round or while the joint review's rule is not met
        var item = catalogue.require(file.ref().itemCode());
        List<StepAction> allowed = kind.actions().stream()
                .filter(a -> a != StepAction.GRANT || (lead.consolidated(item, file.ref(), file.processDefinitionId()) && countersign.allowsGrant(item, file.ref())))
                .sorted().toList();
        // 退回 is the holder's: offered unless a colleague holds the task
        boolean holder = (task.assignee() == null || task.assignee().equals(user.username())) && !task.delegated();
        List<ReturnTarget> targets = holder
                ? ReturnTargets.of(file.history(), task.stepKey(), file.processDefinitionId() != null
                        ? moves.stepsOfVersion(file.processDefinitionId()) : moves.steps(task.processInstanceId())) : List.of();
        var operations = new java.util.ArrayList<>(ApproverOperations.available(user, task));
        if (!targets.isEmpty()) {
            operations.add("return");
        }
        return new TaskDetail(viewOf(task, file.ref()), allowed, cases.viewAtStep(file, task.stepKey()), file.history(),
                List.copyOf(operations), targets);
    }

    /** What the step fills in the case's form, for whoever may work the task (404 for everyone else). */
    public StepForm stepForm(Actor user, String taskId) throws java.io.IOException {
        WorkTask task = visibleTask(user, taskId);
        FormDefinition form = formEdits.form(cases.byProcessInstance(task.processInstanceId()));
        return new StepForm(form.id(), form.version(), List.copyOf(form.editableAt(task.stepKey())),
                JSON.readTree(forms.stepSchema(form, task.stepKey())));
    }

    /** The open task if this approver may work it (assigned to them, or a candidate of their department); else 404. */
    WorkTask visibleTask(Actor user, String taskId) {
        return workable(user, taskId, tasks.open(taskId));
    }

    /** {@code found} if this approver may work it; else 404 (whether it exists or not). */
    static WorkTask workable(Actor user, String taskId, Optional<WorkTask> found) {
        WorkTask task = found.orElse(null);
        if (task == null || !task.mayBeWorkedBy(user.username(), user::inDepartment)
                || StepKind.CORRECTION.category().equals(task.category())) {
            throw DomainException.notFound("task-not-found", taskId);
        }
        return task;
    }

    /** An open task of a known case. */
    static TaskView viewOf(WorkTask t, CaseRef ref) {
        return view(t, ref.caseNumber(), ref.itemCode());
    }

    private static TaskView view(WorkTask t, String caseNumber, String itemCode) {
        return new TaskView(t.id(), t.stepKey(), t.name(), t.category(), caseNumber, itemCode,
                t.departments(), t.assignee(), t.createdAt(), t.dueAt(), t.owner(), t.delegated(), null);
    }
}
