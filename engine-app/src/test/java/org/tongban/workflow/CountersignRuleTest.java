package org.tongban.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.workflow.CountersignRule.Outcome.AGREED;
import static org.tongban.workflow.CountersignRule.Outcome.DISAGREED;
import static org.tongban.workflow.CountersignRule.Verdict.AGREE;
import static org.tongban.workflow.CountersignRule.Verdict.DISAGREE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tongban.workflow.CountersignRule.Kind;
import org.tongban.workflow.CountersignRule.OnDisagree;
import org.tongban.workflow.CountersignRule.Outcome;
import org.tongban.workflow.CountersignRule.Verdict;

/** The countersign rules' arithmetic, without an engine (the end-to-end runs are in CountersignRulesTest). */
class CountersignRuleTest {

    private static final List<String> SIGNERS = List.of("DQ-ZRZY", "DQ-XF", "DQ-STHJ");

    @Test
    void allWithVetoEndsAtTheFirstDisagreementAndAgreesOnlyWhenEveryoneAgreed() {
        var rule = CountersignRule.of(Kind.ALL, OnDisagree.VETO);
        assertThat(rule.decide(SIGNERS, verdicts())).isEmpty();
        assertThat(rule.decide(SIGNERS, verdicts("DQ-ZRZY", AGREE, "DQ-XF", AGREE))).isEmpty();
        assertThat(rule.decide(SIGNERS, verdicts("DQ-XF", DISAGREE))).contains(DISAGREED);
        assertThat(rule.decide(SIGNERS, verdicts("DQ-ZRZY", AGREE, "DQ-XF", AGREE, "DQ-STHJ", AGREE))).contains(AGREED);
    }

    @Test
    void allWithCollectWaitsForEveryoneThenDisagreesIfAnyoneDid() {
        var rule = CountersignRule.of(Kind.ALL, OnDisagree.COLLECT);
        assertThat(rule.decide(SIGNERS, verdicts("DQ-XF", DISAGREE))).as("collect: the others still answer").isEmpty();
        assertThat(rule.decide(SIGNERS, verdicts("DQ-XF", DISAGREE, "DQ-ZRZY", AGREE))).isEmpty();
        assertThat(rule.decide(SIGNERS, verdicts("DQ-XF", DISAGREE, "DQ-ZRZY", AGREE, "DQ-STHJ", AGREE))).contains(DISAGREED);
        assertThat(rule.decide(SIGNERS, verdicts("DQ-XF", AGREE, "DQ-ZRZY", AGREE, "DQ-STHJ", AGREE))).contains(AGREED);
    }

    @Test
    void anyWithVetoLetsTheFirstVerdictDecideEitherWay() {
        var rule = CountersignRule.of(Kind.ANY, OnDisagree.VETO);
        assertThat(rule.decide(SIGNERS, verdicts())).isEmpty();
        assertThat(rule.decide(SIGNERS, verdicts("DQ-STHJ", AGREE))).contains(AGREED);
        assertThat(rule.decide(SIGNERS, verdicts("DQ-STHJ", DISAGREE))).contains(DISAGREED);
    }

    @Test
    void anyWithCollectNeedsOneAgreementAndDisagreesOnlyWhenEveryoneDid() {
        var rule = CountersignRule.of(Kind.ANY, OnDisagree.COLLECT);
        assertThat(rule.decide(SIGNERS, verdicts("DQ-STHJ", DISAGREE))).isEmpty();
        assertThat(rule.decide(SIGNERS, verdicts("DQ-STHJ", DISAGREE, "DQ-XF", AGREE))).contains(AGREED);
        assertThat(rule.decide(SIGNERS, verdicts("DQ-STHJ", DISAGREE, "DQ-XF", DISAGREE, "DQ-ZRZY", DISAGREE))).contains(DISAGREED);
    }

    @Test
    void sequentialNeedsEveryoneInTurnAndAVetoEndsIt() {
        var veto = CountersignRule.of(Kind.SEQUENTIAL, OnDisagree.VETO);
        assertThat(veto.decide(SIGNERS, verdicts("DQ-ZRZY", AGREE))).isEmpty();
        assertThat(veto.decide(SIGNERS, verdicts("DQ-ZRZY", AGREE, "DQ-XF", DISAGREE))).contains(DISAGREED);
        assertThat(veto.decide(SIGNERS, verdicts("DQ-ZRZY", AGREE, "DQ-XF", AGREE, "DQ-STHJ", AGREE))).contains(AGREED);
        var collect = CountersignRule.of(Kind.SEQUENTIAL, OnDisagree.COLLECT);
        assertThat(collect.decide(SIGNERS, verdicts("DQ-ZRZY", AGREE, "DQ-XF", DISAGREE))).isEmpty();
        assertThat(collect.decide(SIGNERS, verdicts("DQ-ZRZY", AGREE, "DQ-XF", DISAGREE, "DQ-STHJ", AGREE))).contains(DISAGREED);
    }

    @Test
    void voteByHeadsPassesAtExactlyTwoThirdsAndEndsAsSoonAsTheOutcomeIsFixed() {
        var rule = new CountersignRule(Kind.VOTE, OnDisagree.COLLECT, 2, 3, Map.of());
        assertThat(rule.decide(SIGNERS, verdicts("DQ-ZRZY", AGREE))).as("1/3 so far, 2/3 still possible").isEmpty();
        assertThat(rule.decide(SIGNERS, verdicts("DQ-ZRZY", AGREE, "DQ-XF", AGREE))).as("2/3 reached: the boundary passes")
                .contains(AGREED);
        assertThat(rule.decide(SIGNERS, verdicts("DQ-ZRZY", DISAGREE))).as("2/3 still possible").isEmpty();
        assertThat(rule.decide(SIGNERS, verdicts("DQ-ZRZY", DISAGREE, "DQ-XF", DISAGREE))).as("at most 1/3 left").contains(DISAGREED);
        var four = List.of("A", "B", "C", "D");
        assertThat(rule.decide(four, verdicts("A", AGREE, "B", AGREE, "C", DISAGREE))).as("2/4 < 2/3, 3/4 still possible").isEmpty();
        assertThat(rule.decide(four, verdicts("A", AGREE, "B", AGREE, "C", DISAGREE, "D", DISAGREE))).contains(DISAGREED);
        assertThat(rule.decide(four, verdicts("A", AGREE, "B", DISAGREE, "C", DISAGREE))).as("3/4 impossible").contains(DISAGREED);
    }

    @Test
    void voteByWeightCountsEachDepartmentsWeightAndUnknownSignersWeighOne() {
        var rule = new CountersignRule(Kind.VOTE, OnDisagree.COLLECT, 1, 2, Map.of("DQ-ZRZY", 3));
        // total weight 3 + 1 + 1 = 5; 1/2 needs 2.5
        assertThat(rule.decide(SIGNERS, verdicts("DQ-ZRZY", AGREE))).as("3/5 ≥ 1/2").contains(AGREED);
        assertThat(rule.decide(SIGNERS, verdicts("DQ-ZRZY", DISAGREE))).as("at most 2/5 left").contains(DISAGREED);
        assertThat(rule.decide(SIGNERS, verdicts("DQ-XF", AGREE, "DQ-STHJ", AGREE))).as("2/5, 5/5 possible").isEmpty();
        var added = List.of("DQ-ZRZY", "DQ-XF", "DQ-STHJ", "DQ-GA");
        assertThat(rule.decide(added, verdicts("DQ-ZRZY", AGREE))).as("3/6 ≥ 1/2: an added signer weighs 1").contains(AGREED);
        var half = new CountersignRule(Kind.VOTE, OnDisagree.COLLECT, 1, 2, Map.of());
        assertThat(half.decide(List.of("A", "B"), verdicts("A", AGREE))).as("exactly 1/2 passes").contains(AGREED);
        var unanimous = new CountersignRule(Kind.VOTE, OnDisagree.COLLECT, 1, 1, Map.of());
        assertThat(unanimous.decide(SIGNERS, verdicts("DQ-ZRZY", AGREE, "DQ-XF", AGREE))).isEmpty();
        assertThat(unanimous.decide(SIGNERS, verdicts("DQ-ZRZY", AGREE, "DQ-XF", AGREE, "DQ-STHJ", AGREE))).contains(AGREED);
    }

    @Test
    void voteWithVetoEndsAtAnyDisagreementEvenWhenTheRatioCouldStillPass() {
        var rule = new CountersignRule(Kind.VOTE, OnDisagree.VETO, 1, 3, Map.of());
        assertThat(rule.decide(SIGNERS, verdicts("DQ-XF", DISAGREE))).contains(DISAGREED);
        assertThat(rule.decide(SIGNERS, verdicts("DQ-XF", AGREE))).contains(AGREED);
    }

    @Test
    void onlyTheRoundsSignersCountAndEveryoneAnsweredAlwaysDecides() {
        var rule = CountersignRule.of(Kind.ALL, OnDisagree.VETO);
        assertThat(rule.decide(SIGNERS, verdicts("DQ-SCJG", DISAGREE))).as("a removed or foreign department").isEmpty();
        for (Kind kind : Kind.values()) {
            for (OnDisagree onDisagree : OnDisagree.values()) {
                var r = new CountersignRule(kind, onDisagree, 2, 3, Map.of());
                Optional<Outcome> outcome = r.decide(SIGNERS, verdicts("DQ-ZRZY", AGREE, "DQ-XF", DISAGREE, "DQ-STHJ", AGREE));
                assertThat(outcome).as(kind + "/" + onDisagree).isPresent();
            }
        }
    }

    private static Map<String, Verdict> verdicts(Object... pairs) {
        var map = new LinkedHashMap<String, Verdict>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Verdict) pairs[i + 1]);
        }
        return map;
    }
}
