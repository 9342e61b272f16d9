package org.tongban.forms.internal.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tongban.forms.FormDefinition;
import org.tongban.forms.FormField;
import org.tongban.forms.ValidatedForm;
import org.tongban.shared.FieldProblem;

/**
 * Checks submitted form data against a form definition, scope by scope (the top level, a group's path, each row of a
 * dynamic list): computes {@code expression} fields, drops fields whose {@code conditional.hide} is true, refuses
 * unknown keys and checks every remaining value with {@link ValueRules}. Problems name the field path
 * ({@code form.staff[2].healthCertificateNo}); the returned data is what may be stored.
 */
public final class FormDataValidator {

    private final List<FieldProblem> problems = new ArrayList<>();
    private final Map<String, Object> root;
    private final Set<String> requiredKeys;

    private FormDataValidator(Map<String, Object> root, Set<String> requiredKeys) {
        this.root = root;
        this.requiredKeys = requiredKeys;
    }

    public static ValidatedForm validate(FormDefinition form, Map<String, Object> data) {
        return validate(form, data, null);
    }

    /**
     * {@code requiredKeys}: the top-level keys whose required rules (and a list's minimum rows) apply — those filled
     * at this step; null for all. Every other rule applies to every value.
     */
    public static ValidatedForm validate(FormDefinition form, Map<String, Object> data, Set<String> requiredKeys) {
        var copy = new LinkedHashMap<String, Object>(data == null ? Map.of() : data);
        var validator = new FormDataValidator(copy, requiredKeys);
        Map<String, Object> stored = validator.scope("form", form.fields(), copy, null, true);
        return new ValidatedForm(List.copyOf(validator.problems), stored);
    }

    /**
     * One data scope. {@code values} are the submitted values of the scope (computed values are written into it so
     * later expressions see them); {@code rowIndex} is set inside a dynamic list row.
     */
    private Map<String, Object> scope(String prefix, List<FormField> fields, Map<String, Object> values,
                                      Integer rowIndex, boolean requiring) {
        var stored = new LinkedHashMap<String, Object>();
        var declared = new HashSet<String>();
        declare(fields, declared);
        values.keySet().stream().filter(k -> !declared.contains(k)).sorted()
                .forEach(k -> problems.add(FieldProblem.of(prefix + "." + k, "unknown-field", k)));
        compute(prefix, fields, values, rowIndex);
        visit(prefix, fields, values, rowIndex, stored, requiring);
        return stored;
    }

    private static void declare(List<FormField> fields, Set<String> declared) {
        for (FormField f : fields) {
            if (f.key() == null) {
                declare(f.components(), declared); // a group without a path shares the scope
            } else {
                declared.add(f.key());
            }
        }
    }

    /** Computed fields first (in schema order), so conditions and later expressions see the server's values. */
    private void compute(String prefix, List<FormField> fields, Map<String, Object> values, Integer rowIndex) {
        for (FormField f : fields) {
            if (f.isContainer() && f.key() == null) {
                compute(prefix, f.components(), values, rowIndex);
            } else if (f.isComputed()) {
                try {
                    values.put(f.key(), FeelExpressions.evaluate(f.expression(), context(values, rowIndex))
                            .map(FeelValues::toJson).orElse(null));
                } catch (FeelExpressions.EvaluationTimeout e) {
                    values.remove(f.key());
                    problems.add(FieldProblem.of(prefix + "." + f.key(), "expression-failed", f.label(), f.labelEn()));
                }
            }
        }
    }

    private void visit(String prefix, List<FormField> fields, Map<String, Object> values, Integer rowIndex,
                       Map<String, Object> stored, boolean enclosingRequires) {
        for (FormField f : fields) {
            if (hidden(prefix, f, values, rowIndex)) {
                continue; // neither required nor stored
            }
            boolean requiring = values != root || f.key() == null || requiredKeys == null
                    ? enclosingRequires : requiredKeys.contains(f.key());
            if (f.isContainer() && f.key() == null) {
                visit(prefix, f.components(), values, rowIndex, stored, requiring);
            } else if (f.isList()) {
                list(prefix + "." + f.key(), f, values.get(f.key()), stored, requiring);
            } else if (f.isContainer()) {
                String path = prefix + "." + f.key();
                Object nested = values.get(f.key());
                if (nested != null && !(nested instanceof Map)) {
                    problems.add(FieldProblem.of(path, "not-an-object", f.label(), f.labelEn()));
                    continue;
                }
                stored.put(f.key(), scope(path, f.components(), mutable(nested), rowIndex, requiring));
            } else {
                Object value = values.get(f.key());
                if (f.isComputed()) {
                    if (value != null) {
                        stored.put(f.key(), value);
                    }
                    continue;
                }
                Object clean = ValueRules.check(prefix + "." + f.key(), f, value, problems, requiring);
                if (clean != null) {
                    stored.put(f.key(), clean);
                }
            }
        }
    }

    private void list(String path, FormField f, Object value, Map<String, Object> stored, boolean requiring) {
        if (value != null && !(value instanceof List)) {
            problems.add(FieldProblem.of(path, "not-a-list", f.label(), f.labelEn()));
            return;
        }
        List<?> rows = value == null ? List.of() : (List<?>) value;
        if (requiring && rows.size() < f.minRows()) {
            problems.add(FieldProblem.of(path, "too-few-rows", f.label(), f.labelEn(), f.minRows()));
        }
        if (rows.size() > f.maxRows()) {
            problems.add(FieldProblem.of(path, "too-many-rows", f.label(), f.labelEn(), f.maxRows()));
            return;
        }
        var kept = new ArrayList<Object>();
        for (int i = 0; i < rows.size(); i++) {
            String rowPath = path + "[" + i + "]";
            if (!(rows.get(i) instanceof Map)) {
                problems.add(FieldProblem.of(rowPath, "not-an-object", f.label(), f.labelEn()));
                continue;
            }
            kept.add(scope(rowPath, f.components(), mutable(rows.get(i)), i, requiring));
        }
        stored.put(f.key(), kept);
    }

    private boolean hidden(String prefix, FormField f, Map<String, Object> values, Integer rowIndex) {
        if (f.hide() == null) {
            return false;
        }
        try {
            return FeelExpressions.evaluate(f.hide(), context(values, rowIndex)).map(Boolean.TRUE::equals).orElse(false);
        } catch (FeelExpressions.EvaluationTimeout e) {
            String name = f.key() == null ? prefix : prefix + "." + f.key();
            problems.add(FieldProblem.of(name, "expression-failed", f.label(), f.labelEn()));
            return true;
        }
    }

    /**
     * What FEEL sees, as in form-js: the whole form's data, overlaid in a list row by the row's own fields, with
     * {@code _this_} (the row), {@code _parent_} (the form) and {@code _i_} (1-based row number).
     */
    private Map<String, Object> context(Map<String, Object> values, Integer rowIndex) {
        if (values == root) {
            return root;
        }
        var context = new HashMap<String, Object>(root);
        context.putAll(values);
        context.put("_this_", values);
        context.put("_parent_", root);
        if (rowIndex != null) {
            context.put("_i_", rowIndex + 1);
        }
        return context;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mutable(Object nested) {
        return nested == null ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String, Object>) nested);
    }

    /** FEEL results as JSON values. */
    static final class FeelValues {
        private FeelValues() {
        }

        static Object toJson(Object value) {
            if (value instanceof scala.math.BigDecimal b) {
                value = b.bigDecimal();
            }
            if (value instanceof BigDecimal b) {
                BigDecimal plain = b.stripTrailingZeros();
                return plain.scale() <= 0 && plain.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                        ? (Object) plain.longValueExact() : (Object) b.doubleValue();
            }
            if (value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Integer
                    || value instanceof Double) {
                return value;
            }
            if (value instanceof Number n) {
                return n.doubleValue();
            }
            if (value instanceof java.util.Collection<?> items) {
                return items.stream().map(FeelValues::toJson).toList();
            }
            if (value instanceof Map<?, ?> map) {
                var json = new LinkedHashMap<String, Object>();
                map.forEach((k, v) -> json.put(String.valueOf(k), toJson(v)));
                return json;
            }
            return String.valueOf(value); // dates, times and durations as their ISO text
        }
    }
}
