package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rounds of a joint review read from a case history: acceptance starts round 1, each send-back the next. */
class JointReviewRoundTest {

    private static final List<String> DEPARTMENTS = List.of("DQ-ZRZY", "DQ-XF", "DQ-STHJ");
    private static int second;

    private static CaseEvent event(String department, String step, StepAction action, String opinion) {
        return new CaseEvent(Instant.parse("2026-12-01T00:00:00Z").plusSeconds(60L * second++), "u", "U", department,
                step, step, action, opinion);
    }

    @Test
    void verdictsBelongToTheRoundOpenWhenTheyWereRecorded() {
        second = 0;
        var history = List.of(
                event(null, null, StepAction.SUBMIT, null),
                event("DQ-ZJJ", "acceptance", StepAction.ACCEPT, null),
                event("DQ-ZRZY", "jointReview", StepAction.AGREE, "ok"),
                event("DQ-XF", "jointReview", StepAction.DISAGREE, "no"),
                event("DQ-STHJ", "jointReview", StepAction.AGREE, "ok"),
                event("DQ-ZJJ", "consolidation", StepAction.SEND_BACK, "again"),
                event("DQ-XF", "jointReview", StepAction.AGREE, "now ok"));
        var rounds = JointReviewRound.of(history, "DQ-ZJJ", DEPARTMENTS, Map.of(2, List.of("DQ-XF")));
        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(0).departments()).extracting(JointReviewRound.Department::status)
                .containsExactly(JointReviewRound.Status.AGREED, JointReviewRound.Status.DISAGREED, JointReviewRound.Status.AGREED);
        assertThat(rounds.get(0).departments().get(0).secondsTaken()).isEqualTo(60);
        assertThat(rounds.get(0).consolidation()).isNull();
        assertThat(rounds.get(1).sentBack().opinion()).isEqualTo("again");
        assertThat(rounds.get(1).departments()).singleElement().satisfies(d -> {
            assertThat(d.department()).isEqualTo("DQ-XF");
            assertThat(d.status()).isEqualTo(JointReviewRound.Status.AGREED);
            assertThat(d.verdict().opinion()).isEqualTo("now ok");
            assertThat(d.secondsTaken()).isEqualTo(60);
        });
    }

    @Test
    void aConsolidationClosesTheRoundAndLaterStepsAreNotVerdicts() {
        second = 0;
        var history = List.of(
                event("DQ-ZJJ", "acceptance", StepAction.ACCEPT, null),
                event("DQ-ZRZY", "jointReview", StepAction.AGREE, "ok"),
                event("DQ-XF", "jointReview", StepAction.AGREE, "ok"),
                event("DQ-ZJJ", "consolidation", StepAction.CONSOLIDATE, "all agree"),
                event("DQ-STHJ", "review", StepAction.DISAGREE, "late"),
                event("DQ-ZJJ", "decision", StepAction.GRANT, null));
        var round = JointReviewRound.of(history, "DQ-ZJJ", DEPARTMENTS, Map.of()).get(0);
        assertThat(round.consolidation().opinion()).isEqualTo("all agree");
        assertThat(round.departments()).extracting(d -> d.department() + ":" + d.status())
                .containsExactly("DQ-ZRZY:AGREED", "DQ-XF:AGREED", "DQ-STHJ:PENDING");
        assertThat(round.departments().get(2).secondsTaken()).isNull();
        assertThat(JointReviewRound.of(history.subList(4, 6), "DQ-ZJJ", DEPARTMENTS, Map.of())).isEmpty();
    }
}
