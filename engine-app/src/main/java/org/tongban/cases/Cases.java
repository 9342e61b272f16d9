package org.tongban.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;
import org.tongban.cases.internal.CaseMapper;
import org.tongban.cases.internal.CaseRow;
import org.tongban.cases.internal.JointReviewMapper;
import org.tongban.cases.internal.MaterialChecks;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.ServiceItem;
import org.tongban.forms.FieldBinding;
import org.tongban.forms.FormDefinition;
import org.tongban.forms.Forms;
import org.tongban.forms.ValidatedForm;
import org.tongban.identity.Actor;
import org.tongban.identity.Directory;
import org.tongban.identity.Role;
import org.tongban.notices.Notices;
import org.tongban.shared.Digests;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.PlainText;
import org.tongban.workflow.ProcessInstances;
import org.tongban.workflow.ProcessVariables;
import org.tongban.workflow.RetryingTransaction;
import org.tongban.workflow.WorkTask;
import org.tongban.workflow.WorkTasks;

/**
 * The case (办件) life cycle: submission, correction, the effects of each approver step, history and who may
 * see a case. Every change runs in one transaction with the engine's own.
 */
@Service
public class Cases {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CaseMapper mapper;
    private final Catalogue catalogue;
    private final Forms forms;
    private final Directory directory;
    private final ProcessInstances processes;
    private final WorkTasks tasks;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final ObjectProvider<LicenceStates> licences;
    private final JointReviewMapper rounds;
    private final Notices notices;
    private final RetryingTransaction tx;
    private final MaterialStore store;
    private final StepFormEdits formEdits;

    /** The platform's time (tests set it): when steps happen. */
    private final java.time.Clock clock;

    Cases(CaseMapper mapper, Catalogue catalogue, Forms forms, Directory directory, ProcessInstances processes,
          WorkTasks tasks, ApplicationEventPublisher events, ObjectMapper json, ObjectProvider<LicenceStates> licences,
          JointReviewMapper rounds, Notices notices, RetryingTransaction tx, MaterialStore store, StepFormEdits formEdits,
          java.time.Clock clock) {
        this.store = store;
        this.formEdits = formEdits;
        this.clock = clock;
        this.rounds = rounds;
        this.notices = notices;
        this.mapper = mapper;
        this.catalogue = catalogue;
        this.forms = forms;
        this.directory = directory;
        this.processes = processes;
        this.tasks = tasks;
        this.events = events;
        this.json = json;
        this.licences = licences;
        this.tx = tx;
    }

    @Transactional
    public SubmittedCase submit(Actor applicant, String itemCode, Map<String, Object> formData,
                                List<MaterialUpload> materials) {
        return submit(applicant, itemCode, formData, materials, Map.of());
    }

    /**
     * 申请: validates form and materials against the service guide, stores the case and starts its process.
     * {@code licenceReferences} (material code → licence number) attach licences Tongban issued to this applicant
     * instead of files; their data prefills the mapped form fields before validation (数据多跑路).
     */
    @Transactional
    public SubmittedCase submit(Actor applicant, String itemCode, Map<String, Object> formData,
                                List<MaterialUpload> materials, Map<String, String> licenceReferences) {
        ServiceItem item = catalogue.require(itemCode);
        Map<String, Object> form = new HashMap<>(formData == null ? Map.of() : formData);
        var referenceProblems = new ArrayList<FieldProblem>();
        Map<String, LicenceStates.IssuedLicence> referenced = references(applicant, item, licenceReferences, materials,
                form, referenceProblems);
        FormDefinition formVersion = forms.require(item.form()); // the latest: the case keeps it
        ValidatedForm validated = forms.edit(formVersion, Map.of(), form, FieldBinding.APPLY, profile(formVersion, applicant), true);
        var problems = new ArrayList<FieldProblem>(validated.problems());
        problems.addAll(referenceProblems);
        problems.addAll(MaterialChecks.check(item, materials, true, referenced.keySet()));
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        Instant now = clock.instant();
        String queryCode = newQueryCode();
        CaseRow row = new CaseRow();
        row.queryCodeHash = Digests.sha256(queryCode.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        row.itemCode = item.code();
        row.applicant = applicant.username();
        row.status = CaseTransition.SUBMIT.next(null, null).name();
        row.formData = toJson(validated.data()); // hidden fields dropped, computed fields the server's
        row.formVersion = formVersion.version();
        row.submittedAt = now;
        // The instance id is fixed before start: the first step's department is recorded while the engine starts.
        row.processInstanceId = UUID.randomUUID().toString();
        mapper.insert(row);
        String caseNumber = "TB" + LocalDate.now(CHINA).format(DAY) + String.format("%06d", row.id % 1_000_000);
        row.caseNumber = caseNumber;
        storeMaterials(row.id, materials, now);
        referenced.forEach((code, licence) -> mapper.insertLicenceReference(row.id, code, licence.licenceNumber() + ".pdf",
                licence.sha256(), licence.licenceNumber(), now));

        var variables = new HashMap<String, Object>();
        variables.put(ProcessVariables.APPLICANT, applicant.username());
        variables.put(ProcessVariables.CASE_NUMBER, caseNumber);
        variables.put(ProcessVariables.ITEM_CODE, item.code());
        item.jointReviewSpec().ifPresent(j -> {
            variables.put(ProcessVariables.REVIEW_DEPARTMENTS, j.departments());
            variables.put(ProcessVariables.JOINT_REVIEW_ROUND, 1);
        });
        variables.putAll(formVersion.variables(validated.data())); // only the fields the form maps (tongban:variable)
        String definitionId = processes.start(item.processKey(), caseNumber, row.processInstanceId,
                item.name().zh() + " " + caseNumber, variables);
        mapper.attachProcess(row.id, caseNumber, definitionId);
        mapper.insertEvent(row.id, new CaseEvent(now, applicant.username(), applicant.displayName(), null, null,
                null, StepAction.SUBMIT, null));
        events.publishEvent(CaseTransition.SUBMIT.event(row.ref(), applicant.username(), null, null, now));
        return new SubmittedCase(caseNumber, queryCode, CaseStatus.SUBMITTED);
    }

    /** The applicant's verified profile, read only when the form prefills from it. */
    private Map<String, String> profile(FormDefinition form, Actor applicant) {
        return form.prefills() ? directory.verifiedProfile(applicant.username()) : Map.of();
    }

    /**
     * A new query code for the applicant's own case; the previous one stops working. Used when a submission's
     * response is replayed, so no query code is ever stored in clear.
     */
    @Transactional
    public SubmittedCase reissueQueryCode(Actor applicant, String caseNumber, CaseStatus status) {
        CaseRow row = ownCase(applicant, caseNumber);
        String queryCode = newQueryCode();
        mapper.updateQueryCode(row.id, Digests.sha256(queryCode.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        return new SubmittedCase(caseNumber, queryCode, status);
    }

    /** 补正后重新提交: the applicant answers the one-time notice; the case goes back to acceptance. */
    @Transactional
    public CaseView resubmit(Actor applicant, String caseNumber, Map<String, Object> formChanges,
                             List<MaterialUpload> materials) {
        CaseRow row = ownCase(applicant, caseNumber);
        if (!CaseTransition.RESUBMIT.allowedFrom(row.caseStatus())) {
            throw DomainException.conflict("case-not-awaiting-correction", caseNumber, row.caseStatus());
        }
        ServiceItem item = catalogue.require(row.itemCode);
        FormDefinition formVersion = forms.require(item.form(), row.formVersion);
        ValidatedForm validated = forms.edit(formVersion, readForm(row), formChanges, FieldBinding.APPLY,
                profile(formVersion, applicant), true);
        var problems = new ArrayList<FieldProblem>(validated.problems());
        problems.addAll(MaterialChecks.check(item, materials, false));
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        WorkTask correction = tasks.assigned(row.processInstanceId, StepKind.CORRECTION.category(), applicant.username())
                .orElse(null);
        if (correction == null) {
            throw DomainException.conflict("case-not-awaiting-correction", caseNumber, row.caseStatus());
        }
        Instant now = clock.instant();
        row.formData = toJson(validated.data());
        mapper.updateForm(row.id, row.formData);
        materials.stream().map(MaterialUpload::code).distinct().forEach(code -> mapper.supersedeMaterial(row.id, code));
        storeMaterials(row.id, materials, now);
        CaseStatus to = CaseTransition.RESUBMIT.next(row.caseStatus(), caseNumber);
        move(row.id, row.caseNumber, row.caseStatus(), to, now);
        mapper.insertEvent(row.id, new CaseEvent(now, applicant.username(), applicant.displayName(), null,
                correction.stepKey(), correction.name(), StepAction.RESUBMIT, replacedMaterials(item, materials)));
        events.publishEvent(CaseTransition.RESUBMIT.event(row.ref(), applicant.username(), null, null, now));
        row.status = to.name();
        processes.setVariables(row.processInstanceId, formVersion.variables(validated.data()));
        tasks.complete(correction.id());
        return view(row, item);
    }

    /**
     * 撤回申请: the applicant takes back a case that is not concluded. Its open steps end with the process; the
     * departments that had a step keep sight of it (the record stays). Retried whole when it races an approver's
     * step: if the step concluded the case first, 409 {@code case-wrong-status}; if it only moved it (accepted),
     * the withdrawal applies to the new status.
     */
    public CaseView withdraw(Actor applicant, String caseNumber, String reason) {
        String why = reason == null ? null : reason.strip();
        if (why != null && (why.length() > 500 || !PlainText.isPlain(why, true))) {
            throw DomainException.invalid(FieldProblem.of("reason", why.length() > 500 ? "too-long" : "control-character",
                    "撤回原因", "Reason", 500));
        }
        return tx.execute(() -> {
            CaseRow row = ownCase(applicant, caseNumber);
            CaseStatus to = CaseTransition.WITHDRAW.next(row.caseStatus(), caseNumber);
            Instant now = clock.instant();
            if (mapper.moveStatus(row.id, row.caseStatus().name(), to.name(), null, now) != 1) {
                // an approver's step moved the case since it was read: read it again
                throw new OptimisticLockingFailureException("case " + caseNumber + " moved while being withdrawn");
            }
            mapper.insertEvent(row.id, new CaseEvent(now, applicant.username(), applicant.displayName(), null, null, null,
                    StepAction.WITHDRAW, why == null || why.isEmpty() ? null : why));
            events.publishEvent(CaseTransition.WITHDRAW.event(row.ref(), applicant.username(), null, null, now));
            processes.end(row.processInstanceId, "withdrawn by the applicant");
            row.status = to.name();
            row.concludedAt = now;
            return view(row, catalogue.require(row.itemCode));
        });
    }

    /**
     * Records an approver's step and moves the case accordingly, in the caller's transaction. The status guard
     * makes a step count once even when two completions race.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordStep(CaseRef ref, StepRecord step) {
        Instant now = clock.instant();
        CaseTransition transition = CaseTransition.of(step.action());
        if (transition == CaseTransition.SUBMIT || transition == CaseTransition.RESUBMIT
                || transition == CaseTransition.WITHDRAW || transition.backwards()) {
            throw new IllegalArgumentException("applicant action " + step.action());
        }
        CaseStatus from = ref.status();
        CaseStatus to = transition.next(from, ref.caseNumber());
        if (to != from) {
            move(ref.id(), ref.caseNumber(), from, to, now);
        }
        mapper.insertEvent(ref.id(), new CaseEvent(now, step.actor(), step.actorName(),
                step.department(), step.stepKey(), step.stepName(), step.action(), step.opinion(), step.target()));
        events.publishEvent(transition.event(ref, step.actor(), step.department(),
                new CaseTransition.StepVerdict(step.stepKey(), step.action()), now));
    }

    /**
     * Records a backwards move (RETURN, RECALL) that reopens {@code reopenedStep} of kind {@code reopened}, and moves
     * the case to that step's status, in the caller's transaction; returns the new status.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CaseStatus recordBack(CaseRef ref, StepRecord step, StepKind reopened, String reopenedStep) {
        CaseTransition transition = CaseTransition.of(step.action());
        if (!transition.backwards()) {
            throw new IllegalArgumentException("not a backwards action " + step.action());
        }
        Instant now = clock.instant();
        CaseStatus to = transition.back(ref.status(), reopened, ref.caseNumber());
        if (to != ref.status()) {
            move(ref.id(), ref.caseNumber(), ref.status(), to, now);
        }
        mapper.insertEvent(ref.id(), new CaseEvent(now, step.actor(), step.actorName(),
                step.department(), step.stepKey(), step.stepName(), step.action(), step.opinion(), step.target()));
        events.publishEvent(transition.event(ref, step.actor(), step.department(),
                new CaseTransition.StepVerdict(reopenedStep, step.action()), now));
        return to;
    }

    private void move(long caseId, String caseNumber, CaseStatus from, CaseStatus to, Instant now) {
        boolean concluded = to.concluded();
        int moved = mapper.moveStatus(caseId, from.name(), to.name(), to == CaseStatus.ACCEPTED ? now : null,
                concluded ? now : null);
        if (moved != 1) {
            throw DomainException.conflict("case-wrong-status", caseNumber, from);
        }
    }

    public CaseRef byProcessInstance(String processInstanceId) {
        CaseRow row = mapper.byProcessInstance(processInstanceId);
        if (row == null) {
            throw DomainException.notFound("case-not-found", processInstanceId);
        }
        return row.ref();
    }

    /**
     * The case of a task its caller may work, read once: the task's own check (a candidate of the caller's
     * department, or assigned to them) is the visibility check, as working a step needs its case.
     */
    public CaseFile fileOfWorkableTask(String processInstanceId) {
        CaseRow row = mapper.byProcessInstance(processInstanceId);
        if (row == null) {
            throw DomainException.notFound("case-not-found", processInstanceId);
        }
        List<CaseEvent> history = mapper.history(row.id);
        return new CaseFile(row.ref(), view(row, catalogue.require(row.itemCode), history), history, row.processDefinitionId,
                row.formVersion);
    }

    /**
     * A case read by the platform itself (a deadline timer, statistics), not for a user: no visibility check, so never
     * hand its content to a caller. Null if there is no such case.
     */
    public CaseFile fileOf(long caseId) {
        CaseRow row = mapper.byId(caseId);
        if (row == null) {
            return null;
        }
        List<CaseEvent> history = mapper.history(row.id);
        return new CaseFile(row.ref(), view(row, catalogue.require(row.itemCode), history), history, row.processDefinitionId,
                row.formVersion);
    }

    /** 已办: the steps this approver recorded, newest first; {@code offset} and {@code limit} page them. */
    public List<DoneStep> stepsBy(Actor approver, int offset, int limit) {
        return mapper.stepsBy(approver.username(), offset, limit);
    }

    public long countStepsBy(Actor approver) {
        return mapper.countStepsBy(approver.username());
    }

    /** The applicant's own cases, newest first. */
    public List<CaseView> mine(Actor applicant) {
        return mapper.byApplicant(applicant.username()).stream()
                .map(row -> forViewer(applicant, row, view(row, catalogue.require(row.itemCode), null, false), null)).toList();
    }

    /** A case for whoever may see it; 404 for everyone else, so existence is not revealed. */
    public CaseView view(Actor user, String caseNumber) {
        Seen seen = seenCase(user, caseNumber);
        CaseView view = forViewer(user, seen.row(), view(seen.row(), catalogue.require(seen.row().itemCode)), null);
        return seen.sight() == Sight.COPY ? view.withoutMaterials() : view;
    }

    /** The case's form data as the holder of a task at {@code step} may see it (the task detail). */
    public CaseView viewAtStep(CaseFile file, String step) {
        FormDefinition form = forms.require(catalogue.require(file.ref().itemCode()).form(), file.formVersion());
        return form.hidesAnything() ? file.view().withFormData(form.visibleAt(file.view().formData(), List.of(step))) : file.view();
    }

    /**
     * The form version the case was submitted with, for whoever may see the case (404 for everyone else); its
     * schema without the fields this viewer may not see.
     */
    public FormDefinition form(Actor user, String caseNumber) {
        CaseRow row = visibleCase(user, caseNumber);
        FormDefinition form = forms.require(catalogue.require(row.itemCode).form(), row.formVersion);
        Collection<String> steps = formSteps(user, row, null, null);
        return steps == null || !form.hidesAnything() ? form
                : new FormDefinition(form.id(), form.fields(), forms.visibleSchema(form, steps), form.version(), form.bindings());
    }

    /** Form fields changed at steps (tongban:editableAt), oldest first, only the fields this viewer may see. */
    public List<FormChange> formChanges(Actor user, String caseNumber) {
        CaseRow row = visibleCase(user, caseNumber);
        FormDefinition form = forms.require(catalogue.require(row.itemCode).form(), row.formVersion);
        Collection<String> steps = formSteps(user, row, null, null);
        return formEdits.changes(row.id, key -> steps == null || form.visibleAt(key, steps));
    }

    /**
     * The form data a viewer may see (docs/forms.md, "Steps, variables and prefill"): overseers everything, the
     * applicant what the applicant's form does not hide, staff what is not hidden at every step they work or worked
     * in this case (with none, what no step hides).
     */
    private CaseView forViewer(Actor user, CaseRow row, CaseView view, List<CaseEvent> history) {
        FormDefinition form = forms.require(catalogue.require(row.itemCode).form(), row.formVersion);
        if (!form.hidesAnything()) {
            return view;
        }
        Collection<String> steps = formSteps(user, row, view.currentSteps(), history);
        return steps == null ? view : view.withFormData(form.visibleAt(view.formData(), steps));
    }

    /** The steps whose view of the form a user gets; null: everything (overseers). */
    private Collection<String> formSteps(Actor user, CaseRow row, List<CaseView.CurrentStep> current, List<CaseEvent> history) {
        if (row.applicant.equals(user.username())) {
            return List.of(FieldBinding.APPLY);
        }
        if (user.overseesAllCases()) {
            return null;
        }
        var steps = new java.util.LinkedHashSet<String>();
        List<CaseView.CurrentStep> open = current != null ? current : row.processInstanceId == null ? List.of()
                : tasks.ofProcess(row.processInstanceId).stream()
                .map(t -> new CaseView.CurrentStep(t.id(), t.stepKey(), t.name(), t.departments(), t.assignee(), t.createdAt())).toList();
        open.stream().filter(t -> user.username().equals(t.assignee()) || t.departments().stream().anyMatch(user::inDepartment))
                .forEach(t -> steps.add(t.stepKey()));
        (history != null ? history : mapper.history(row.id)).stream()
                .filter(e -> e.stepKey() != null && (user.username().equals(e.actor()) || (e.department() != null && user.inDepartment(e.department()))))
                .forEach(e -> steps.add(e.stepKey()));
        return steps;
    }

    public CaseRef ref(Actor user, String caseNumber) {
        return visibleCase(user, caseNumber).ref();
    }

    /** The process version the case started on, as recorded with it (the engine's history of it may be cleaned). */
    public String processDefinitionId(CaseRef ref) {
        CaseRow row = mapper.byId(ref.id());
        return row == null ? null : row.processDefinitionId;
    }

    /**
     * The case's history. Its applicant sees the steps and their own actions, not the staff's internal
     * operations (who claimed, transferred, delegated, copied it, with their notes); staff see everything.
     */
    public List<CaseEvent> history(Actor user, String caseNumber) {
        CaseRow row = visibleCase(user, caseNumber);
        List<CaseEvent> all = mapper.history(row.id);
        return row.applicant.equals(user.username()) ? forApplicant(all, row.applicant) : all;
    }

    private static List<CaseEvent> forApplicant(List<CaseEvent> history, String applicant) {
        // their own notes without whom they reached (an urge's target lists staff accounts)
        return history.stream().filter(e -> !e.action().isNote() || applicant.equals(e.actor()))
                .map(e -> e.target() == null || !e.action().isNote() ? e : new CaseEvent(e.occurredAt(), e.actor(), e.actorName(), e.department(),
                        e.stepKey(), e.stepName(), e.action(), e.opinion(), null))
                .toList();
    }

    /** The whole history of a case already found (e.g. through its task), oldest first. */
    public List<CaseEvent> history(CaseRef ref) {
        return mapper.history(ref.id());
    }

    /** The history since the case was last accepted: the current round of review. */
    public List<CaseEvent> currentRound(CaseRef ref) {
        List<CaseEvent> all = mapper.history(ref.id());
        int start = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).action() == StepAction.ACCEPT) {
                start = i;
            }
        }
        return all.subList(start, all.size());
    }

    /** A case's joint review as whoever may see the case may read it; 404 for a case without a joint review. */
    public record JointReviewFile(CaseRef ref, ServiceItem.JointReview spec, List<JointReviewRound> rounds,
                                  String processDefinitionId) {
    }

    /** The joint-review rounds of a case this user may see (one read of the history); else 404. */
    public JointReviewFile jointReview(Actor user, String caseNumber) {
        CaseRow row = visibleCase(user, caseNumber);
        ServiceItem item = catalogue.require(row.itemCode);
        if (item.jointReview() == null) {
            throw DomainException.notFound("case-not-found", caseNumber);
        }
        return new JointReviewFile(row.ref(), item.jointReview(), jointReviewRounds(row.id, item, mapper.history(row.id)),
                row.processDefinitionId);
    }

    /** The joint-review rounds of a case the caller already may work on (empty without a joint review). */
    public List<JointReviewRound> jointReviewRounds(CaseRef ref) {
        ServiceItem item = catalogue.require(ref.itemCode());
        return item.jointReview() == null ? List.of() : jointReviewRounds(ref.id(), item, mapper.history(ref.id()));
    }

    private List<JointReviewRound> jointReviewRounds(long caseId, ServiceItem item, List<CaseEvent> history) {
        var sentBackTo = new HashMap<Integer, List<String>>();
        if (history.stream().anyMatch(e -> e.action() == StepAction.SEND_BACK)) {
            rounds.rounds(caseId).forEach(r -> sentBackTo.put(r.roundNo(), List.of(r.departments().split(","))));
        }
        return JointReviewRound.of(history, item.jointReview().lead(), item.jointReview().departments(), sentBackTo);
    }

    /**
     * 退回会审: the lead department sends the joint review back to some of its departments for a new round; stores
     * the departments of that round and returns its number. Each department must take part in the case's joint
     * review (the item's, or one that recorded a verdict in it); the caller records the SEND_BACK step itself.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public NewRound sendBack(CaseRef ref, List<String> departments) {
        ServiceItem item = catalogue.require(ref.itemCode());
        if (item.jointReview() == null) {
            throw DomainException.conflict("joint-review-missing", ref.caseNumber());
        }
        List<JointReviewRound> past = jointReviewRounds(ref);
        var participating = new java.util.LinkedHashSet<String>(item.jointReview().departments());
        past.forEach(r -> r.departments().forEach(d -> participating.add(d.department())));
        List<String> named = departments == null ? List.of()
                : departments.stream().filter(d -> d != null && !d.isBlank()).map(String::strip).distinct().toList();
        if (named.isEmpty()) {
            throw DomainException.invalid(FieldProblem.of("departments", "departments-required"));
        }
        List<String> strangers = named.stream().filter(d -> !participating.contains(d)).toList();
        if (!strangers.isEmpty()) {
            // the answer names a few of them, shortened: it must not echo an arbitrarily large request
            String shown = strangers.stream().limit(3).map(d -> PlainText.shown(d, 32))
                    .collect(java.util.stream.Collectors.joining(", ")) + (strangers.size() > 3 ? ", …" : "");
            throw DomainException.invalid(FieldProblem.of("departments", "not-in-joint-review", shown,
                    String.join(", ", participating)));
        }
        int round = past.size() + 1;
        rounds.insert(ref.id(), round, String.join(",", named));
        return new NewRound(round, named);
    }

    /** A joint-review round a send-back started: its number and departments. */
    public record NewRound(int number, List<String> departments) {
    }

    /** A material file to download: what the list shows of it, its bytes as a stream and their number. */
    public record MaterialDownload(CaseView.MaterialInfo info, InputStreamSource content, long size) {
    }

    /**
     * Licences named for materials: each must be issued by Tongban to this applicant (another holder's looks
     * unknown), of an item the material accepts, VALID and not expired. The mapped form fields take the licence's
     * data (the granted case's form), whatever the client sent.
     */
    private Map<String, LicenceStates.IssuedLicence> references(Actor applicant, ServiceItem item, Map<String, String> numbers,
                                                                List<MaterialUpload> uploads, Map<String, Object> form,
                                                                List<FieldProblem> problems) {
        var found = new java.util.LinkedHashMap<String, LicenceStates.IssuedLicence>();
        if (numbers == null) {
            return found;
        }
        numbers.forEach((code, number) -> {
            String field = "materials." + code;
            var spec = item.material(code);
            if (spec.isEmpty() || spec.get().licenceItems().isEmpty()) {
                problems.add(FieldProblem.of(field, "licence-not-accepted", code));
                return;
            }
            if (uploads.stream().anyMatch(u -> u.code().equals(code))) {
                problems.add(FieldProblem.of(field, "licence-and-files", spec.get().name().zh(), spec.get().name().en()));
                return;
            }
            String wanted = number == null ? "" : number.strip();
            var licence = wanted.isEmpty() || wanted.length() > 64 ? java.util.Optional.<LicenceStates.IssuedLicence>empty()
                    : licences.getObject().issued(wanted);
            CaseRow granted = licence.map(l -> mapper.byId(l.caseId())).orElse(null);
            if (granted == null || !applicant.username().equals(granted.applicant)) {
                problems.add(FieldProblem.of(field, "licence-not-found", PlainText.isPlain(wanted, false) ? wanted : "?"));
                return;
            }
            var l = licence.get();
            if (!spec.get().licenceItems().contains(l.itemCode())) {
                problems.add(FieldProblem.of(field, "licence-wrong-item", l.licenceNumber(), String.join(", ", spec.get().licenceItems())));
                return;
            }
            if (!"VALID".equals(l.status()) || l.validUntil().isBefore(LocalDate.now(CHINA))) {
                problems.add(FieldProblem.of(field, "licence-not-valid", l.licenceNumber()));
                return;
            }
            found.put(code, l);
            Map<String, Object> data = readForm(granted);
            spec.get().prefillFields().forEach((target, source) -> {
                if (data.get(source) != null) {
                    form.put(target, data.get(source));
                }
            });
        });
        return found;
    }

    /**
     * The case's materials for whoever may see the case fully: the applicant sees the current files, staff also
     * the ones a correction (补正) replaced.
     */
    public List<CaseView.MaterialInfo> materials(Actor user, String caseNumber) {
        Seen seen = seenCase(user, caseNumber);
        if (seen.sight() != Sight.FULL) {
            throw DomainException.notFound("case-not-found", caseNumber);
        }
        return seesSuperseded(user, seen.row()) ? mapper.allMaterials(seen.row().id) : mapper.materials(seen.row().id);
    }

    /** A material file, for whoever may see the case fully (not for someone it was only copied to). */
    public MaterialDownload material(Actor user, String caseNumber, long materialId) {
        Seen seen = seenCase(user, caseNumber);
        if (seen.sight() != Sight.FULL) {
            throw DomainException.notFound("material-not-found", materialId);
        }
        CaseRow row = seen.row();
        var info = mapper.allMaterials(row.id).stream().filter(m -> m.id() == materialId)
                .filter(m -> !m.superseded() || seesSuperseded(user, row)).findFirst()
                .orElseThrow(() -> DomainException.notFound("material-not-found", materialId));
        var content = mapper.materialContent(row.id, materialId);
        if (content != null && content.licenceNumber() != null) {
            byte[] pdf = licences.getObject().pdfOf(content.licenceNumber());
            if (pdf == null) {
                throw DomainException.notFound("material-not-found", materialId);
            }
            return new MaterialDownload(info, new ByteArrayResource(pdf), pdf.length);
        }
        if (content == null || (content.storageKey() == null && content.content() == null)) {
            throw DomainException.notFound("material-not-found", materialId);
        }
        InputStreamSource source = content.storageKey() == null ? new ByteArrayResource(content.content())
                : () -> store.open(content.storageKey());
        return new MaterialDownload(info, source, info.sizeBytes());
    }

    private static boolean seesSuperseded(Actor user, CaseRow row) {
        return !user.username().equals(row.applicant);
    }

    /** 办件进度查询: progress by case number and query code, without personal data. */
    public CaseProgress progress(String caseNumber, String queryCode) {
        CaseRow row = caseNumber == null ? null : mapper.byNumber(caseNumber);
        if (row == null || queryCode == null || !MessageDigest.isEqual(row.queryCodeHash.getBytes(),
                Digests.sha256(queryCode.toUpperCase().getBytes(java.nio.charset.StandardCharsets.US_ASCII)).getBytes())) {
            throw DomainException.notFound("case-not-found", caseNumber);
        }
        ServiceItem item = catalogue.require(row.itemCode);
        var steps = forApplicant(mapper.history(row.id), row.applicant).stream()
                .map(e -> new CaseProgress.Step(e.occurredAt(), e.department(), e.stepName(), e.action())).toList();
        return new CaseProgress(row.caseNumber, item.code(), item.name(), row.caseStatus(), row.submittedAt, steps);
    }

    private CaseRow visibleCase(Actor user, String caseNumber) {
        return seenCase(user, caseNumber).row();
    }

    private record Seen(CaseRow row, Sight sight) {
    }

    private Seen seenCase(Actor user, String caseNumber) {
        CaseRow row = mapper.byNumber(caseNumber);
        Sight sight = row == null ? Sight.NONE : sight(user, row);
        if (sight == Sight.NONE) {
            throw DomainException.notFound("case-not-found", caseNumber);
        }
        return new Seen(row, sight);
    }

    private CaseRow ownCase(Actor applicant, String caseNumber) {
        CaseRow row = mapper.byNumber(caseNumber);
        if (row == null || !row.applicant.equals(applicant.username())) {
            throw DomainException.notFound("case-not-found", caseNumber);
        }
        return row;
    }

    /**
     * Applicants see their own cases; approvers the cases in which one of their departments has (or had) a step,
     * from our own record of the case's departments (never engine history); supervisors and admins all.
     */
    private boolean maySee(Actor user, CaseRow row) {
        if (row.applicant.equals(user.username()) || user.overseesAllCases()) {
            return true;
        }
        return user.has(Role.APPROVER) && !user.departments().isEmpty()
                && mapper.countDepartments(row.id, user.departments()) > 0;
    }

    /** FULL: may see the case with its materials; COPY: it was only copied to them (抄送), read-only, no materials. */
    private enum Sight { NONE, COPY, FULL }

    private Sight sight(Actor user, CaseRow row) {
        if (maySee(user, row)) {
            return Sight.FULL;
        }
        return !user.has(Role.APPLICANT) && notices.copiedTo(row.id, user.username()) ? Sight.COPY : Sight.NONE;
    }

    private CaseView view(CaseRow row, ServiceItem item) {
        return view(row, item, null);
    }

    private CaseView view(CaseRow row, ServiceItem item, List<CaseEvent> history) {
        return view(row, item, history, true);
    }

    /**
     * {@code history} if already read, else null (read only when a correction notice or the joint-review progress
     * is needed); lists leave the progress out ({@code withProgress} false).
     */
    private CaseView view(CaseRow row, ServiceItem item, List<CaseEvent> history, boolean withProgress) {
        List<CaseView.CurrentStep> current = row.processInstanceId == null ? List.of()
                : tasks.ofProcess(row.processInstanceId).stream()
                .map(t -> new CaseView.CurrentStep(t.id(), t.stepKey(), t.name(), t.departments(), t.assignee(), t.createdAt()))
                .toList();
        String notice = null;
        if (row.caseStatus() == CaseStatus.CORRECTION_REQUESTED) {
            // the correction request, or a return to the applicant (退回), that sent the case to the applicant
            notice = (history != null ? history : mapper.history(row.id)).stream()
                    .filter(e -> e.action() == StepAction.REQUEST_CORRECTION || e.action() == StepAction.RETURN)
                    .reduce((a, b) -> b).map(CaseEvent::opinion).orElse(null);
        }
        return new CaseView(row.caseNumber, item.code(), item.name().zh(), row.caseStatus(), row.applicant,
                directory.displayName(row.applicant), row.submittedAt, row.acceptedAt, row.concludedAt, readForm(row),
                mapper.materials(row.id), current, notice, licence(row), withProgress ? progress(row, item, history) : null);
    }

    /** The current joint-review round's departments and whether each finished; null without one (or on lists). */
    private List<CaseView.JointReviewProgress> progress(CaseRow row, ServiceItem item, List<CaseEvent> history) {
        if (item.jointReview() == null || row.acceptedAt == null) {
            return null;
        }
        List<JointReviewRound> all = jointReviewRounds(row.id, item, history != null ? history : mapper.history(row.id));
        if (all.isEmpty()) {
            return null;
        }
        var names = directory.departmentNames();
        return all.get(all.size() - 1).departments().stream()
                .map(d -> new CaseView.JointReviewProgress(d.department(), names.getOrDefault(d.department(), d.department()),
                        d.status() != JointReviewRound.Status.PENDING, d.finishedAt()))
                .toList();
    }

    private CaseView.Licence licence(CaseRow row) {
        if (row.caseStatus() != CaseStatus.GRANTED) {
            return null;
        }
        return licences.getObject().issuedNumber(row.id)
                .map(number -> new CaseView.Licence(CaseView.Licence.Status.ISSUED, number))
                .orElseGet(() -> new CaseView.Licence(CaseView.Licence.Status.ISSUING, null));
    }

    /** What a notice (文书) about a case is written from: who applied for what and when, and what happened since. */
    public record NoticeFacts(long caseId, String caseNumber, String itemCode, String applicant, Instant submittedAt,
                              List<CaseEvent> history) {
    }

    /** The facts behind a notice issued after a step commits (the case found by id, as the step's event names it). */
    public NoticeFacts noticeFacts(long caseId) {
        CaseRow row = mapper.byId(caseId);
        if (row == null) {
            throw new IllegalStateException("case " + caseId + " does not exist");
        }
        return new NoticeFacts(row.id, row.caseNumber, row.itemCode, row.applicant, row.submittedAt, mapper.history(row.id));
    }

    /** What the licence of a granted case is issued from: the case's item and form data. */
    public record GrantedCase(long caseId, String caseNumber, String itemCode, Map<String, Object> formData,
                              Integer formVersion) {
    }

    /** The granted case behind a {@link CaseGranted}, for the licence issued after the grant commits. */
    public GrantedCase granted(long caseId) {
        CaseRow row = mapper.byId(caseId);
        if (row == null || row.caseStatus() != CaseStatus.GRANTED) {
            throw new IllegalStateException("case " + caseId + " is not granted");
        }
        return new GrantedCase(row.id, row.caseNumber, row.itemCode, readForm(row), row.formVersion);
    }

    /**
     * Writes each file to the store first (under a new random key), then its row. The files of a transaction that
     * rolls back are deleted again, so a failed submission leaves nothing behind.
     */
    private void storeMaterials(long caseId, List<MaterialUpload> materials, Instant now) {
        for (MaterialUpload m : materials) {
            String name = MaterialNames.safe(m.fileName(), m.code());
            MaterialStore.StoredFile stored;
            byte[] head;
            try (var in = m.open()) {
                stored = store.write(in);
                head = m.head(1024);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("material " + m.code() + " could not be stored", e);
            }
            deleteOnRollback(stored.key());
            mapper.insertMaterial(caseId, m.code(), name, MaterialChecks.sniff(head), stored.size(), stored.sha256(),
                    stored.key(), now);
        }
    }

    /** The history line of a resubmission's replaced materials (the old files stay, superseded); null if none. */
    private static String replacedMaterials(ServiceItem item, List<MaterialUpload> materials) {
        if (materials.isEmpty()) {
            return null;
        }
        var byCode = new java.util.LinkedHashMap<String, List<String>>();
        materials.forEach(m -> byCode.computeIfAbsent(m.code(), c -> new ArrayList<>()).add(MaterialNames.safe(m.fileName(), m.code())));
        var text = new StringBuilder("补正材料 Replaced materials: ");
        byCode.forEach((code, names) -> text.append(item.material(code).map(m -> m.name().zh()).orElse(code))
                .append("（").append(String.join("、", names)).append("）；"));
        return text.length() > 2000 ? text.substring(0, 2000) : text.toString();
    }

    private void deleteOnRollback(String key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    store.delete(key);
                }
            }
        });
    }

    private Map<String, Object> readForm(CaseRow row) {
        try {
            return json.readValue(row.formData, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form data of case " + row.caseNumber + " is not JSON", e);
        }
    }

    private String toJson(Map<String, Object> form) {
        try {
            return json.writeValueAsString(form);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newQueryCode() {
        var code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(QUERY_CODE_ALPHABET.charAt(RANDOM.nextInt(QUERY_CODE_ALPHABET.length())));
        }
        return code.toString();
    }

}
