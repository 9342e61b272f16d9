package org.tongban.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongban.cases.CaseEvent;
import org.tongban.cases.StepAction;
import org.tongban.shared.DomainException;
import org.tongban.workflow.StepMoves.ProcessStep;

/** The return targets of an open step, from the case's history alone: the trail behind it, most recent first. */
class ReturnTargetsTest {

    private static final Map<String, ProcessStep> FOOD = new LinkedHashMap<>();

    static {
        FOOD.put("acceptance", new ProcessStep("acceptance", "窗口受理", "acceptance"));
        FOOD.put("correction", new ProcessStep("correction", "申请人补正", "correction"));
        FOOD.put("review", new ProcessStep("review", "审查", "review"));
        FOOD.put("inspection", new ProcessStep("inspection", "现场核查", "review"));
        FOOD.put("decision", new ProcessStep("decision", "审批决定", "decision"));
    }

    @Test
    void theTrailBehindTheOpenStepMostRecentFirstWithTheApplicantLast() {
        var history = events("acceptance:REQUEST_CORRECTION", "correction:RESUBMIT", "acceptance:ACCEPT",
                "review:AGREE", "inspection:AGREE");
        assertThat(to(ReturnTargets.of(history, "decision", FOOD))).containsExactly("inspection", "review", "acceptance", "applicant");
        // the correction step is offered only as the applicant, never by its key
        assertThat(to(ReturnTargets.of(history, "review", FOOD))).containsExactly("acceptance", "applicant");
    }

    @Test
    void aStepReachedAgainCutsTheTrailSoNothingAheadIsOffered() {
        // decision returned to the review: the inspection is ahead of the case again
        var history = events("acceptance:ACCEPT", "review:AGREE", "inspection:AGREE", "decision:RETURN");
        assertThat(to(ReturnTargets.of(history, "review", FOOD))).containsExactly("acceptance", "applicant");
        // completed once more, the review is behind the inspection again
        history.addAll(events("review:AGREE"));
        assertThat(to(ReturnTargets.of(history, "inspection", FOOD))).containsExactly("review", "acceptance", "applicant");
        // a recalled acceptance leaves nothing behind the acceptance
        assertThat(to(ReturnTargets.of(events("acceptance:ACCEPT", "acceptance:RECALL"), "acceptance", FOOD)))
                .containsExactly("applicant");
    }

    @Test
    void choosingATarget() {
        var targets = ReturnTargets.of(events("acceptance:ACCEPT", "review:AGREE"), "inspection", FOOD);
        assertThat(ReturnTargets.choose("previous", targets, FOOD, "n").stepKey()).isEqualTo("review");
        assertThat(ReturnTargets.choose("applicant", targets, FOOD, "n").stepKey()).isEqualTo("correction");
        assertThat(ReturnTargets.choose(" acceptance ", targets, FOOD, "n").stepKind()).isEqualTo("acceptance");
        assertThatThrownBy(() -> ReturnTargets.choose("decision", targets, FOOD, "n"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("return-target-not-earlier"));
        assertThatThrownBy(() -> ReturnTargets.choose("inspection", targets, FOOD, "n")).as("the open step itself")
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("return-target-not-earlier"));
        assertThatThrownBy(() -> ReturnTargets.choose("nowhere", targets, FOOD, "n"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID));
        assertThatThrownBy(() -> ReturnTargets.choose(null, targets, FOOD, "n"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID));
        var atAcceptance = ReturnTargets.of(events(), "acceptance", FOOD);
        assertThatThrownBy(() -> ReturnTargets.choose("previous", atAcceptance, FOOD, "n"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("return-no-earlier-step"));
    }

    private static List<CaseEvent> events(String... stepActions) {
        var out = new ArrayList<CaseEvent>();
        for (String s : stepActions) {
            String[] p = s.split(":");
            out.add(new CaseEvent(Instant.EPOCH, "u", "U", "DQ-SCJG", p[0], p[0], StepAction.valueOf(p[1]), null));
        }
        return out;
    }

    private static List<String> to(List<ReturnTarget> targets) {
        return targets.stream().map(ReturnTarget::to).toList();
    }
}
