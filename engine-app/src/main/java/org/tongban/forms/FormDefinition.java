package org.tongban.forms;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A form (表单) as designed in the form-js editor; {@code schema} is the raw JSON the browser renders and
 * {@code fields} its data-carrying components as a tree (groups and dynamic lists hold their own fields);
 * {@code version} is its deployed version (0 for a schema read but not deployed); {@code bindings} say, per top-level
 * data key, at which steps it is editable or hidden, which process variable it feeds and what prefills it.
 */
public record FormDefinition(String id, List<FormField> fields, String schema, int version,
                             Map<String, FieldBinding> bindings) {

    public FormDefinition {
        bindings = bindings == null ? Map.of() : Map.copyOf(bindings);
    }

    public FormDefinition(String id, List<FormField> fields, String schema) {
        this(id, fields, schema, 0, Map.of());
    }

    public FormDefinition withVersion(int deployed) {
        return new FormDefinition(id, fields, schema, deployed, bindings);
    }

    /** What the definition says of a top-level data key (a plain applicant field when it says nothing). */
    public FieldBinding binding(String key) {
        return bindings.getOrDefault(key, FieldBinding.plain(key));
    }

    /** Whether any field is filled from the applicant's verified profile (so the profile needs reading at all). */
    public boolean prefills() {
        return bindings.values().stream().anyMatch(b -> b.prefill() != null);
    }

    /** Whether any field is hidden anywhere (else every viewer of a case sees all its data). */
    public boolean hidesAnything() {
        return bindings.values().stream().anyMatch(b -> !b.hiddenAt().isEmpty());
    }

    /** The component holding a top-level data key (inside groups without a path too). */
    public Optional<FormField> field(String key) {
        return find(fields, key);
    }

    private static Optional<FormField> find(List<FormField> scope, String key) {
        for (FormField f : scope) {
            if (key.equals(f.key())) {
                return Optional.of(f);
            }
            if (f.key() == null && f.isContainer()) {
                Optional<FormField> inner = find(f.components(), key);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    /** The top-level keys editable at the step ({@link FieldBinding#APPLY} for the applicant's form). */
    public Set<String> editableAt(String step) {
        return bindings.values().stream().filter(b -> b.at(step) == FieldBinding.Access.EDITABLE)
                .map(FieldBinding::key).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /**
     * The data someone working these steps may see: a key is kept when at least one of the steps does not hide it.
     * {@code steps} empty: a member of staff with no step of their own in the case, who sees what no step hides.
     */
    public Map<String, Object> visibleAt(Map<String, Object> data, Collection<String> steps) {
        var shown = new LinkedHashMap<String, Object>();
        data.forEach((key, value) -> {
            if (visibleAt(key, steps)) {
                shown.put(key, value);
            }
        });
        return shown;
    }

    /** Whether a top-level key is visible to someone working {@code steps} (see {@link #visibleAt(Map, Collection)}). */
    public boolean visibleAt(String key, Collection<String> steps) {
        FieldBinding b = binding(key);
        return steps.isEmpty() ? b.hiddenFromNoStaff() : steps.stream().anyMatch(step -> b.at(step) != FieldBinding.Access.HIDDEN);
    }

    /**
     * The process variables the definition maps ({@code tongban:variable}) with their values in {@code data}: every
     * mapped variable is present, null when its field is empty or hidden, so a gateway can test it; numbers as
     * {@link BigDecimal}.
     */
    public Map<String, Object> variables(Map<String, Object> data) {
        var variables = new HashMap<String, Object>();
        for (FieldBinding b : bindings.values()) {
            if (b.variable() != null) {
                Object value = data.get(b.key());
                variables.put(b.variable(), value instanceof Number n && !(value instanceof BigDecimal)
                        ? new BigDecimal(n.toString()) : value);
            }
        }
        return variables;
    }

    /**
     * Form data as people read it (option labels instead of values), keyed by field key; fields of a group with a
     * path as {@code path.key}. Dynamic lists are left out (a licence template names single values).
     */
    public Map<String, String> displayValues(Map<String, Object> data) {
        var shown = new LinkedHashMap<String, String>();
        collect("", fields, data == null ? Map.of() : data, shown);
        return shown;
    }

    private static void collect(String prefix, List<FormField> fields, Map<?, ?> data, Map<String, String> shown) {
        for (FormField f : fields) {
            if (f.isList()) {
                continue;
            }
            if (f.isContainer()) {
                if (f.key() == null) {
                    collect(prefix, f.components(), data, shown);
                } else {
                    Object nested = data.get(f.key());
                    collect(prefix + f.key() + ".", f.components(), nested instanceof Map<?, ?> m ? m : Map.of(), shown);
                }
                continue;
            }
            shown.put(prefix + f.key(), f.display(data.get(f.key())));
        }
    }
}
