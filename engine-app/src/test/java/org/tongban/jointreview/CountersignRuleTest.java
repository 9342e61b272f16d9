package org.tongban.jointreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongban.catalogue.ServiceItem.CountersignRule;
import org.tongban.catalogue.ServiceItem.JointReview;
import org.tongban.cases.CaseEvent;
import org.tongban.cases.StepAction;

/** The countersign rules over one round's history, without an engine (the end-to-end runs are in JointReviewTest). */
class CountersignRuleTest {

    private static final List<String> REVIEWERS = List.of("DQ-ZRZY", "DQ-XF", "DQ-STHJ");
    private static final JointReview ALL = new JointReview("DQ-ZJJ", CountersignRule.ALL, REVIEWERS);
    private static final JointReview ANY = new JointReview("DQ-ZJJ", CountersignRule.ANY, REVIEWERS);

    @Test
    void allNeedsEveryVerdictToAgree() {
        var everyone = List.of(verdict("DQ-ZRZY", StepAction.AGREE), verdict("DQ-XF", StepAction.AGREE), verdict("DQ-STHJ", StepAction.AGREE));
        assertThat(Countersign.allows(ALL, everyone)).isTrue();
        assertThat(Countersign.allows(ALL, List.of())).isFalse();
        assertThat(Countersign.allows(ALL, List.of(everyone.get(0), everyone.get(1), verdict("DQ-STHJ", StepAction.DISAGREE)))).isFalse();
    }

    @Test
    void anyNeedsOneAgreement() {
        assertThat(Countersign.allows(ANY, List.of(verdict("DQ-XF", StepAction.DISAGREE), verdict("DQ-STHJ", StepAction.AGREE)))).isTrue();
        assertThat(Countersign.allows(ANY, List.of(verdict("DQ-XF", StepAction.DISAGREE)))).isFalse();
        assertThat(Countersign.allows(ANY, List.of())).isFalse();
    }

    @Test
    void onlyTheReviewingDepartmentsJointReviewVerdictsCount() {
        var strangers = List.of(verdict("DQ-SCJG", StepAction.AGREE), verdict("DQ-ZJJ", StepAction.AGREE),
                new CaseEvent(Instant.now(), "chenjing", "陈静", "DQ-ZRZY", "acceptance", "受理", StepAction.ACCEPT, null));
        assertThat(Countersign.allows(ANY, strangers)).as("other departments and other steps").isFalse();
        var agreedButAnotherObjects = List.of(verdict("DQ-ZRZY", StepAction.AGREE), verdict("DQ-XF", StepAction.AGREE),
                verdict("DQ-STHJ", StepAction.AGREE), verdict("DQ-SCJG", StepAction.DISAGREE));
        assertThat(Countersign.allows(ALL, agreedButAnotherObjects)).as("a non-reviewer's objection does not count").isTrue();
    }

    private static CaseEvent verdict(String department, StepAction action) {
        return new CaseEvent(Instant.now(), "reviewer", "审查员", department, "jointReview", "并联审查", action, "意见");
    }
}
