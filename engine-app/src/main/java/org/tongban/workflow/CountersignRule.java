package org.tongban.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A joint-review step's countersign rule as the process definition declares it
 * ({@code <tongban:countersign rule=… onDisagree=… passRatio=…>}), and the pure arithmetic that decides the step
 * from the round's verdicts. No engine types: the process bean {@code countersign} feeds it.
 *
 * <ul>
 * <li>ALL (会签): everyone must agree. VETO: the first DISAGREE ends the step DISAGREED; COLLECT: everyone answers,
 * then AGREED only if all agreed.</li>
 * <li>ANY (或签): VETO: the first verdict decides, either way; COLLECT: the first AGREE decides, a DISAGREE waits for
 * the others (DISAGREED when everyone disagreed).</li>
 * <li>SEQUENTIAL (依次审批): one after another in the signers' order, everyone must agree; VETO ends at the first
 * DISAGREE, COLLECT lets the rest answer.</li>
 * <li>VOTE (票签): AGREED when the agreeing weight reaches {@code passRatio} of the total weight; ends as soon as the
 * outcome can no longer change. VETO: any DISAGREE ends it DISAGREED.</li>
 * </ul>
 */
public record CountersignRule(Kind rule, OnDisagree onDisagree, int ratioNumerator, int ratioDenominator,
                              Map<String, Integer> weights) {

    public enum Kind { ALL, ANY, SEQUENTIAL, VOTE }

    public enum OnDisagree { VETO, COLLECT }

    public enum Verdict { AGREE, DISAGREE }

    /** The step's result, kept in the process variable {@code jointReviewOutcome}. */
    public enum Outcome { AGREED, DISAGREED }

    public CountersignRule {
        weights = weights == null ? Map.of() : Map.copyOf(weights);
    }

    public static CountersignRule of(Kind rule, OnDisagree onDisagree) {
        return new CountersignRule(rule, onDisagree, 1, 1, Map.of());
    }

    public int weight(String department) {
        return weights.getOrDefault(department, 1);
    }

    /**
     * The outcome once it is settled, or empty while the step must go on. {@code signers} are the round's
     * departments (in order, for SEQUENTIAL); verdicts of departments that are not signers (any more) do not
     * count. When every signer has answered the result is never empty.
     */
    public Optional<Outcome> decide(List<String> signers, Map<String, Verdict> verdicts) {
        int agreed = 0;
        int disagreed = 0;
        int pending = 0;
        for (String signer : signers) {
            Verdict verdict = verdicts.get(signer);
            int weight = rule == Kind.VOTE ? weight(signer) : 1;
            if (verdict == Verdict.AGREE) {
                agreed += weight;
            } else if (verdict == Verdict.DISAGREE) {
                disagreed += weight;
            } else {
                pending += weight;
            }
        }
        boolean veto = onDisagree == OnDisagree.VETO;
        if (veto && disagreed > 0) {
            return Optional.of(Outcome.DISAGREED);
        }
        return switch (rule) {
            case ALL, SEQUENTIAL -> pending > 0 ? Optional.empty()
                    : Optional.of(disagreed == 0 ? Outcome.AGREED : Outcome.DISAGREED);
            case ANY -> agreed > 0 ? Optional.of(Outcome.AGREED)
                    : pending > 0 ? Optional.empty() : Optional.of(Outcome.DISAGREED);
            case VOTE -> vote(agreed, pending, agreed + disagreed + pending);
        };
    }

    /** Passed when agreed / total ≥ numerator / denominator (compared in integers, no rounding). */
    private Optional<Outcome> vote(long agreed, long pending, long total) {
        if (total == 0) {
            return Optional.of(Outcome.DISAGREED);
        }
        if (agreed * ratioDenominator >= (long) ratioNumerator * total) {
            return Optional.of(Outcome.AGREED);
        }
        if ((agreed + pending) * ratioDenominator < (long) ratioNumerator * total) {
            return Optional.of(Outcome.DISAGREED);
        }
        return Optional.empty();
    }

    /** Verdicts as stored in a process variable, {@code DEPT=AGREE;DEPT=DISAGREE}, in order; empty for null or "". */
    public static Map<String, Verdict> decode(Object stored) {
        var verdicts = new java.util.LinkedHashMap<String, Verdict>();
        if (stored instanceof String text && !text.isEmpty()) {
            for (String pair : text.split(";")) {
                int eq = pair.indexOf('=');
                verdicts.put(pair.substring(0, eq), Verdict.valueOf(pair.substring(eq + 1)));
            }
        }
        return verdicts;
    }

    /** The stored form of verdicts ({@link #decode} reads it back). */
    public static String encode(Map<String, Verdict> verdicts) {
        var text = new StringBuilder();
        verdicts.forEach((department, verdict) -> text.append(text.isEmpty() ? "" : ";").append(department).append('=').append(verdict));
        return text.toString();
    }
}
