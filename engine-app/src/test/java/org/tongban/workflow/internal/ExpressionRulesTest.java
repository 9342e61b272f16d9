package org.tongban.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The syntax-tree rules on their own, with one allow-listed bean {@code rules} exposing {@code urgent}. */
class ExpressionRulesTest {

    private final ExpressionRules rules = new ExpressionRules(new ExpressionRules.Scope() {
        @Override
        public boolean isVariable(String name) {
            return Set.of("decision", "applicant", "nrOfCompletedInstances").contains(name);
        }

        @Override
        public boolean isBean(String name) {
            return "rules".equals(name);
        }

        @Override
        public boolean exposes(String bean, String method) {
            return "urgent".equals(method);
        }
    });

    @ParameterizedTest
    @ValueSource(strings = {"DQ-SCJG", "${decision == 'GRANT'}", "${decision == '}'}", "#{applicant}",
            "${nrOfCompletedInstances >= 2 and not empty applicant}", "${rules.urgent(applicant, 3)}", "${rules}",
            "审查 ${execution.getVariable('applicant')}", "${task.name}", "${decision eq 'A' ? 'x' : 'y'}",
            "${(decision == 'GRANT') || (applicant != null)}", "PT5D", "${-1 + 2 * 3 div 4 mod 5}"})
    void allows(String expression) {
        assertThat(rules.violation(expression)).as(expression).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "${''.getClass()}|.getClass()",
            "${''['class']}|bracket",
            "${rules.secret()}|rules.secret()",
            "${rules['urgent'](1)}|call",
            "${execution.getProcessEngineServices()}|execution.getProcessEngineServices()",
            "${execution.parent}|.parent",
            "${applicant.bytes}|.bytes",
            "${applicant.length()}|applicant.length()",
            "${dataSource}|dataSource",
            "${fn:length(applicant)}|function",
            "${rules.urgent(''.getClass())}|.getClass()",
            "${x -> x}|syntax",
            "${decision = 1}|syntax",
            "${a; b}|syntax",
            "${unterminated|syntax"})
    void refuses(String expression, String offending) {
        assertThat(rules.violation(expression)).as(expression).contains(offending);
    }
}
