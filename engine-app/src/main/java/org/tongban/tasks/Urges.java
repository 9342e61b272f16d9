package org.tongban.tasks;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.tongban.cases.CaseRef;
import org.tongban.cases.Cases;
import org.tongban.cases.StepAction;
import org.tongban.cases.StepKind;
import org.tongban.cases.StepRecord;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.ServiceItem;
import org.tongban.identity.Actor;
import org.tongban.identity.Directory;
import org.tongban.identity.Role;
import org.tongban.notices.NoticeKind;
import org.tongban.notices.Notices;
import org.tongban.shared.DomainException;
import org.tongban.workflow.ProcessInstances;
import org.tongban.workflow.RetryingTransaction;
import org.tongban.workflow.WorkTask;
import org.tongban.workflow.WorkTasks;

/**
 * 催办: the applicant of a case, its lead department's staff or a supervisor remind the current holders of its
 * open steps (each assignee; for an unclaimed step every approver of its departments). At most once an hour per
 * case and person (409 urge-too-soon); the holders' to-do items show when.
 */
@Service
public class Urges {

    private final Cases cases;
    private final Catalogue catalogue;
    private final WorkTasks tasks;
    private final Directory directory;
    private final Notices notices;
    private final ProcessInstances processes;
    private final RetryingTransaction tx;

    /** The platform's time (tests set it): when steps happen. */
    private final java.time.Clock clock;

    Urges(Cases cases, Catalogue catalogue, WorkTasks tasks, Directory directory, Notices notices,
          ProcessInstances processes, RetryingTransaction tx, java.time.Clock clock) {
        this.processes = processes;
        this.clock = clock;
        this.cases = cases;
        this.catalogue = catalogue;
        this.tasks = tasks;
        this.directory = directory;
        this.notices = notices;
        this.tx = tx;
    }

    /** Who was urged (staff only; empty for the applicant), how many, and when. */
    public record Urged(String caseNumber, Instant urgedAt, List<String> recipients, int notified) {
    }

    /** Who holds these steps: each assignee; for an unclaimed step every active approver of its departments. */
    public LinkedHashSet<String> holders(List<WorkTask> steps) {
        var holders = new LinkedHashSet<String>();
        for (WorkTask t : steps) {
            if (t.assignee() != null) {
                holders.add(t.assignee());
            } else {
                t.departments().forEach(d -> holders.addAll(directory.activeApprovers(d)));
            }
        }
        return holders;
    }

    public Urged urge(Actor user, String caseNumber, String message) {
        String text = TaskOperation.reason("message", message, false);
        return tx.execute(() -> {
            CaseRef ref = cases.ref(user, caseNumber);
            ServiceItem item = catalogue.require(ref.itemCode());
            String lead = item.jointReviewSpec().map(ServiceItem.JointReview::lead).orElse(item.department());
            boolean allowed = user.username().equals(ref.applicant()) || user.overseesAllCases()
                    || (user.has(Role.APPROVER) && user.inDepartment(lead));
            if (!allowed) {
                throw DomainException.of(DomainException.Kind.FORBIDDEN, "urge-not-allowed", caseNumber);
            }
            List<WorkTask> open = tasks.ofProcess(ref.processInstanceId()).stream()
                    .filter(t -> !StepKind.CORRECTION.category().equals(t.category())).toList();
            if (open.isEmpty()) {
                throw DomainException.conflict("nothing-to-urge", caseNumber);
            }
            var holders = holders(open);
            holders.remove(user.username());
            Instant now = clock.instant();
            notices.countUrge(ref.id(), caseNumber, user.username(), now);
            processes.markUrged(ref.processInstanceId(), now);
            String target = String.join(",", holders);
            cases.recordStep(ref, new StepRecord(user.username(), user.displayName(), user.inDepartment(lead) ? lead : null,
                    null, null, StepAction.URGE, text, target));
            String steps = open.stream().map(WorkTask::name).distinct().collect(Collectors.joining("、"));
            notices.send(NoticeKind.URGE, new Notices.About(ref.id(), caseNumber, ref.itemCode(),
                    steps.length() > 100 ? steps.substring(0, 100) : steps), holders, user, text, now);
            // the applicant learns how many were told, not the staff's accounts
            boolean applicant = user.username().equals(ref.applicant());
            return new Urged(caseNumber, now, applicant ? List.of() : List.copyOf(holders), holders.size());
        });
    }
}
