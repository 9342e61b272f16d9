package org.tongban.workflow.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.ExtensionAttribute;
import org.flowable.bpmn.model.ExtensionElement;
import org.flowable.bpmn.model.MultiInstanceLoopCharacteristics;
import org.flowable.bpmn.model.UserTask;
import org.tongban.shared.FieldProblem;
import org.tongban.workflow.CountersignRule;
import org.tongban.workflow.ProcessVariables;

/**
 * Reads the {@code <tongban:countersign>} extension element of a joint-review multi-instance user task — the one
 * place both the BPMN checks (designer upload, start-up) and the running {@code countersign} bean read it — and
 * says exactly what is wrong with it, field by field.
 */
public final class CountersignSpec {

    static final String NAMESPACE = "https://tongban.org/bpmn";
    static final String ELEMENT = "countersign";
    static final String CONDITION = "${countersign.decided(execution)}";
    static final String COLLECTION = "${" + ProcessVariables.REVIEW_DEPARTMENTS + "}";
    static final int MAX_WEIGHT = 100;
    private static final Set<String> ATTRIBUTES = Set.of("rule", "onDisagree", "passRatio");
    private static final Pattern RATIO = Pattern.compile("(\\d{1,3})/(\\d{1,3})");
    private static final Pattern WEIGHT = Pattern.compile("\\d{1,3}");

    private CountersignSpec() {
    }

    /** The countersign extension elements of an activity (whatever prefix the file used for our namespace). */
    public static List<ExtensionElement> elements(Activity activity) {
        return activity.getExtensionElements().getOrDefault(ELEMENT, List.of()).stream()
                .filter(e -> NAMESPACE.equals(e.getNamespace())).toList();
    }

    /** The rule of a task the checks accepted; throws if it is missing or invalid (the checks refuse such files). */
    public static CountersignRule ruleOf(Activity activity) {
        var problems = new ArrayList<FieldProblem>();
        CountersignRule rule = parse(activity, null, problems);
        if (rule == null || !problems.isEmpty()) {
            throw new IllegalStateException("no valid tongban:countersign on " + activity.getId() + ": " + problems);
        }
        return rule;
    }

    /**
     * Checks a user task's countersign declaration. A joint-review multi-instance task must carry exactly one, with the
     * completion condition {@link #CONDITION}, the collection {@link #COLLECTION}, an element variable, and
     * SEQUENTIAL exactly when the loop is sequential; no other task may carry one or name the bean.
     * {@code departments}: the item's reviewing departments (weights may name only these); null skips that check.
     */
    static void check(UserTask task, Collection<String> departments, List<FieldProblem> problems) {
        String where = task.getId();
        List<ExtensionElement> declared = elements(task);
        MultiInstanceLoopCharacteristics loop = task.getLoopCharacteristics();
        boolean jointReview = "joint-review".equals(task.getCategory());
        String condition = loop == null ? null : loop.getCompletionCondition();
        boolean namesBean = condition != null && condition.contains("countersign");
        if (!jointReview || loop == null) {
            if (!declared.isEmpty() || namesBean) {
                problems.add(problem("bpmn-countersign-placement", where));
            }
            return;
        }
        if (declared.size() != 1) {
            problems.add(problem(declared.isEmpty() ? "bpmn-countersign-missing" : "bpmn-countersign-placement", where));
            return;
        }
        if (condition == null || !CONDITION.equals(condition.trim())) {
            problems.add(problem("bpmn-countersign-condition", where, CONDITION));
        }
        if (loop.getInputDataItem() == null || !COLLECTION.equals(loop.getInputDataItem().trim())
                || loop.getElementVariable() == null || loop.getElementVariable().isBlank()
                || (loop.getLoopCardinality() != null && !loop.getLoopCardinality().isBlank())) {
            problems.add(problem("bpmn-countersign-collection", where, COLLECTION));
        }
        CountersignRule rule = parse(task, departments, problems);
        if (rule != null && (rule.rule() == CountersignRule.Kind.SEQUENTIAL) != loop.isSequential()) {
            problems.add(problem("bpmn-countersign-sequential", where));
        }
    }

    /** The rule, or null with problems added. */
    private static CountersignRule parse(Activity activity, Collection<String> departments, List<FieldProblem> problems) {
        String where = activity.getId();
        List<ExtensionElement> declared = elements(activity);
        if (declared.size() != 1) {
            problems.add(problem(declared.isEmpty() ? "bpmn-countersign-missing" : "bpmn-countersign-placement", where));
            return null;
        }
        ExtensionElement element = declared.get(0);
        int before = problems.size();
        for (var attribute : element.getAttributes().entrySet()) {
            for (ExtensionAttribute value : attribute.getValue()) {
                if (!ATTRIBUTES.contains(attribute.getKey()) || (value.getNamespace() != null && !value.getNamespace().isEmpty())) {
                    problems.add(problem("bpmn-countersign-attribute", where, attribute.getKey()));
                }
            }
        }
        if (element.getElementText() != null && !element.getElementText().isBlank()) {
            problems.add(problem("bpmn-countersign-attribute", where, "text"));
        }
        CountersignRule.Kind kind = enumValue(CountersignRule.Kind.class, attribute(element, "rule"));
        if (kind == null) {
            problems.add(problem("bpmn-countersign-value", where, "rule", text(attribute(element, "rule")),
                    "ALL/ANY/SEQUENTIAL/VOTE"));
        }
        String disagree = attribute(element, "onDisagree");
        CountersignRule.OnDisagree onDisagree = disagree == null ? CountersignRule.OnDisagree.VETO
                : enumValue(CountersignRule.OnDisagree.class, disagree);
        if (onDisagree == null) {
            problems.add(problem("bpmn-countersign-value", where, "onDisagree", text(disagree), "VETO/COLLECT"));
        }
        int[] ratio = {1, 1};
        String passRatio = attribute(element, "passRatio");
        if (kind == CountersignRule.Kind.VOTE) {
            Matcher m = RATIO.matcher(passRatio == null ? "" : passRatio.trim());
            int numerator = m.matches() ? Integer.parseInt(m.group(1)) : 0;
            int denominator = m.matches() ? Integer.parseInt(m.group(2)) : 0;
            if (numerator < 1 || denominator < 1 || numerator > denominator) {
                problems.add(problem("bpmn-countersign-value", where, "passRatio", text(passRatio), "1/2, 2/3 …"));
            } else {
                ratio = new int[] {numerator, denominator};
            }
        } else if (passRatio != null) {
            problems.add(problem("bpmn-countersign-vote-only", where, "passRatio"));
        }
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (var child : element.getChildElements().entrySet()) {
            for (ExtensionElement weight : child.getValue()) {
                if (!"weight".equals(child.getKey()) || !NAMESPACE.equals(weight.getNamespace())) {
                    problems.add(problem("bpmn-countersign-attribute", where, child.getKey()));
                    continue;
                }
                if (kind != CountersignRule.Kind.VOTE) {
                    problems.add(problem("bpmn-countersign-vote-only", where, "weight"));
                    continue;
                }
                checkWeight(where, weight, departments, weights, problems);
            }
        }
        if (problems.size() > before || kind == null || onDisagree == null) {
            return null;
        }
        return new CountersignRule(kind, onDisagree, ratio[0], ratio[1], weights);
    }

    private static void checkWeight(String where, ExtensionElement weight, Collection<String> departments,
                                    Map<String, Integer> weights, List<FieldProblem> problems) {
        for (String name : weight.getAttributes().keySet()) {
            if (!Set.of("department", "value").contains(name)) {
                problems.add(problem("bpmn-countersign-attribute", where, "weight/@" + name));
            }
        }
        if (!weight.getChildElements().isEmpty()) {
            problems.add(problem("bpmn-countersign-attribute", where, "weight/*"));
        }
        String department = attribute(weight, "department");
        String value = attribute(weight, "value");
        if (department == null || (departments != null && !departments.contains(department))) {
            problems.add(problem("bpmn-countersign-weight-department", where, text(department)));
        } else if (weights.containsKey(department)) {
            problems.add(problem("bpmn-countersign-weight-department", where, department));
        }
        if (value == null || !WEIGHT.matcher(value.trim()).matches() || Integer.parseInt(value.trim()) < 1
                || Integer.parseInt(value.trim()) > MAX_WEIGHT) {
            problems.add(problem("bpmn-countersign-value", where, "weight", text(value), "1–" + MAX_WEIGHT));
        } else if (department != null) {
            weights.put(department, Integer.parseInt(value.trim()));
        }
    }

    /** An attribute without namespace (Flowable's getAttributeValue(null, …) fails on namespaced ones). */
    private static String attribute(ExtensionElement element, String name) {
        return element.getAttributes().getOrDefault(name, List.of()).stream()
                .filter(a -> a.getNamespace() == null || a.getNamespace().isEmpty())
                .map(ExtensionAttribute::getValue).findFirst().orElse(null);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.trim())) {
                return constant;
            }
        }
        return null;
    }

    private static String text(String value) {
        if (value == null) {
            return "(none)";
        }
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static FieldProblem problem(String code, Object... args) {
        return FieldProblem.of("bpmn", code, args);
    }
}
