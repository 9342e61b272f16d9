package org.tongban.timelimits;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.tongban.audit.AuditLog;
import org.tongban.calendar.WorkingCalendar;
import org.tongban.cases.CaseAccepted;
import org.tongban.cases.CaseFile;
import org.tongban.cases.Cases;
import org.tongban.cases.StepKind;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.ServiceItem;
import org.tongban.identity.Actor;
import org.tongban.identity.Directory;
import org.tongban.identity.Role;
import org.tongban.notices.NoticeKind;
import org.tongban.notices.Notices;
import org.tongban.shared.ChinaTime;
import org.tongban.shared.DomainException;
import org.tongban.tasks.Urges;
import org.tongban.timelimits.internal.WarningMapper;
import org.tongban.workflow.EngineTimers;
import org.tongban.workflow.TaskCreatedListener;
import org.tongban.workflow.TimerHandler;
import org.tongban.workflow.WorkTask;

/**
 * Yellow and red cards (黄牌/红牌) on deadlines (docs/deadlines.md), driven by engine timers so they survive restarts
 * and fire on one node only. One timer per case (its statutory deadline) and one per step with a time limit
 * (stepDays in item.yaml); each fires at 08:00 China time on the day its next card is due, re-reads the clock
 * (pauses and calendar changes move deadlines), raises what is due, and schedules itself for the next card.
 * <p>
 * Case: yellow once at most {@code warningDays} working days are left, red the day after the deadline. Step: yellow
 * on the day it falls due, red the day after. A card is raised once (a unique key behind the job lock), noted in
 * the holders' notices (red also to the supervisors: escalation) and audited.
 */
@Service
public class DeadlineWarnings implements TimerHandler, TaskCreatedListener {

    static final String TYPE = "tongban-deadline";
    static final LocalTime MORNING = LocalTime.of(8, 0);
    private static final Logger LOG = LoggerFactory.getLogger(DeadlineWarnings.class);
    private static final Actor PLATFORM = new Actor("system", "通办平台", Set.of(), List.of());

    public enum Card { YELLOW, RED }

    private final EngineTimers timers;
    private final Cases cases;
    private final Catalogue catalogue;
    private final CaseClocks clocks;
    private final WorkingCalendar calendar;
    private final org.tongban.workflow.WorkTasks tasks;
    private final Urges urges;
    private final Directory directory;
    private final Notices notices;
    private final WarningMapper warnings;
    private final AuditLog audit;
    private final Clock clock;

    DeadlineWarnings(EngineTimers timers, Cases cases, Catalogue catalogue, CaseClocks clocks, WorkingCalendar calendar,
                     org.tongban.workflow.WorkTasks tasks, Urges urges, Directory directory, Notices notices,
                     WarningMapper warnings, AuditLog audit, Clock clock) {
        this.timers = timers;
        this.cases = cases;
        this.catalogue = catalogue;
        this.clocks = clocks;
        this.calendar = calendar;
        this.tasks = tasks;
        this.urges = urges;
        this.directory = directory;
        this.notices = notices;
        this.warnings = warnings;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The case's clock starts: its timer is set in the accepting transaction for the day of its yellow card, counted
     * from the acceptance (pauses come later and move it: the timer re-reads the clock when it fires).
     */
    @EventListener
    void accepted(CaseAccepted event) {
        ServiceItem item = catalogue.require(event.itemCode());
        LocalDate accepted = LocalDate.ofInstant(event.acceptedAt(), ChinaTime.ZONE);
        LocalDate deadline = dueDay(event.acceptedAt(), item.statutoryDays());
        LocalDate first = deadline == null ? today().plusDays(1) : yellowDay(accepted, deadline, item.caseWarningDays());
        timers.schedule(TYPE, caseTimer(event.caseId()), morning(first));
    }

    /** A step with a time limit gets its timer in the engine's transaction that creates it. */
    @Override
    public void taskCreated(WorkTask task, String processKey) {
        if (StepKind.CORRECTION.category().equals(task.category())) {
            return;
        }
        var limit = catalogue.byProcessKey(processKey).flatMap(i -> i.stepLimit(task.stepKey()));
        if (limit.isPresent()) {
            LocalDate due = dueDay(task.createdAt(), limit.get());
            timers.add(TYPE, "S:" + task.processInstanceId() + ":" + task.id(), morning(due == null ? today().plusDays(1) : due));
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** A timer fired (inside the engine's job transaction). */
    @Override
    public void fire(String configuration) {
        String[] parts = configuration.split(":");
        if (parts.length == 2 && "C".equals(parts[0])) {
            checkCase(Long.parseLong(parts[1]));
        } else if (parts.length == 3 && "S".equals(parts[0])) {
            checkStep(parts[1], parts[2]);
        } else {
            LOG.warn("Ignoring deadline timer with configuration {}", configuration);
        }
    }

    private static String caseTimer(long caseId) {
        return "C:" + caseId;
    }

    private void checkCase(long caseId) {
        CaseFile file = cases.fileOf(caseId);
        if (file == null || file.view().acceptedAt() == null || file.view().concludedAt() != null) {
            return; // withdrawn, rejected or concluded: the clock has stopped
        }
        ServiceItem item = catalogue.require(file.ref().itemCode());
        CaseClock c = clocks.clockOf(file);
        LocalDate today = today();
        if (c.state() == CaseClock.State.PAUSED || c.statutoryDeadline() == null) {
            // paused (correction, special procedure) or the calendar year is missing: look again tomorrow
            timers.schedule(TYPE, caseTimer(caseId), morning(today.plusDays(1)));
            return;
        }
        LocalDate deadline = c.statutoryDeadline();
        List<WorkTask> open = tasks.ofProcess(file.ref().processInstanceId()).stream()
                .filter(t -> !StepKind.CORRECTION.category().equals(t.category())).toList();
        if (today.isAfter(deadline)) {
            raise(file, "CASE", null, null, Card.RED, deadline, open);
        } else if (c.remainingWorkingDays() <= item.caseWarningDays()) {
            raise(file, "CASE", null, null, Card.YELLOW, deadline, open);
            timers.schedule(TYPE, caseTimer(caseId), morning(deadline.plusDays(1)));
        } else {
            timers.schedule(TYPE, caseTimer(caseId), morning(yellowDay(today, deadline, item.caseWarningDays())));
        }
    }

    private void checkStep(String processInstanceId, String taskId) {
        WorkTask task = tasks.open(taskId).orElse(null);
        if (task == null) {
            return; // the step is done
        }
        CaseFile file = cases.fileOf(cases.byProcessInstance(processInstanceId).id());
        if (file.view().concludedAt() != null) {
            return;
        }
        int limit = catalogue.require(file.ref().itemCode()).stepLimit(task.stepKey()).orElse(0);
        LocalDate deadline = dueDay(task.createdAt(), limit);
        String config = "S:" + processInstanceId + ":" + taskId;
        LocalDate today = today();
        if (limit == 0) {
            return; // the item no longer limits this step
        }
        if (deadline == null) {
            timers.schedule(TYPE, config, morning(today.plusDays(1))); // calendar year missing
            return;
        }
        if (today.isAfter(deadline)) {
            raise(file, taskId, task.stepKey(), task.name(), Card.RED, deadline, List.of(task));
        } else if (!today.isBefore(deadline)) {
            raise(file, taskId, task.stepKey(), task.name(), Card.YELLOW, deadline, List.of(task));
            timers.schedule(TYPE, config, morning(deadline.plusDays(1)));
        } else {
            timers.schedule(TYPE, config, morning(deadline));
        }
    }

    /** Records the card once and tells the holders (and, for red, the supervisors). */
    private void raise(CaseFile file, String scope, String stepKey, String stepName, Card card, LocalDate deadline,
                       List<WorkTask> open) {
        Instant now = clock.instant();
        try {
            warnings.insert(file.ref().id(), scope, stepKey, stepName, card.name(), deadline, now);
        } catch (DuplicateKeyException alreadyRaised) {
            return;
        }
        var recipients = new LinkedHashSet<>(urges.holders(open));
        if (card == Card.RED) {
            recipients.addAll(directory.activeWithRole(Role.SUPERVISOR));
        }
        String steps = stepName != null ? stepName
                : String.join("、", open.stream().map(WorkTask::name).distinct().toList());
        notices.send(NoticeKind.WARNING, new Notices.About(file.ref().id(), file.ref().caseNumber(), file.ref().itemCode(),
                steps.length() > 100 ? steps.substring(0, 100) : steps), recipients, PLATFORM, card + " " + deadline, now);
        audit.record(PLATFORM.username(), "DEADLINE_" + card, file.ref().caseNumber(),
                (stepKey == null ? "case" : "step " + stepKey) + "; deadline " + deadline + "; notified " + recipients.size());
    }

    /** The working day {@code limit} working days after the day the step was created; null if the calendar lacks a year. */
    private LocalDate dueDay(Instant created, int limit) {
        try {
            return calendar.addWorkingDays(LocalDate.ofInstant(created, ChinaTime.ZONE), limit);
        } catch (DomainException missing) {
            return null;
        }
    }

    /** The first day from {@code from} on which at most {@code days} working days are left before the deadline. */
    private LocalDate yellowDay(LocalDate from, LocalDate deadline, int days) {
        LocalDate day = from;
        while (day.isBefore(deadline) && calendar.workingDaysBetween(day, deadline) > days) {
            day = day.plusDays(1);
        }
        return day;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ChinaTime.ZONE));
    }

    /** 08:00 China time on {@code day}, or now if that has passed (a late timer fires at once). */
    private Instant morning(LocalDate day) {
        Instant at = ZonedDateTime.of(day, MORNING, ChinaTime.ZONE).toInstant();
        Instant now = clock.instant();
        return at.isBefore(now) ? now : at;
    }

    /** The cards raised on a case, oldest first. */
    public List<DeadlineCard> ofCase(long caseId) {
        return warnings.ofCase(caseId).stream().map(DeadlineWarnings::card).toList();
    }

    /** The cards of open cases (a red card hides the same scope's yellow one), red first, then by deadline. */
    /** {@code itemCodes}: null for every item (never empty). */
    public List<DeadlineCard> open(Card card, List<String> itemCodes, int offset, int limit) {
        return warnings.open(card == null ? null : card.name(), itemCodes, offset, limit).stream().map(DeadlineWarnings::card).toList();
    }

    public long countOpen(Card card, List<String> itemCodes) {
        return warnings.countOpen(card == null ? null : card.name(), itemCodes);
    }

    private static DeadlineCard card(WarningMapper.Row r) {
        return new DeadlineCard(r.caseNumber, r.itemCode, r.stepKey, r.stepName, r.card, r.deadline, r.raisedAt);
    }
}
