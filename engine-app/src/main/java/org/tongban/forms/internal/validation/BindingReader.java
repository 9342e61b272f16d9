package org.tongban.forms.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.tongban.forms.FieldBinding;
import org.tongban.shared.InvalidContentException;
import org.tongban.workflow.ProcessVariables;

/**
 * Reads the per-step permissions, variable mappings and prefills of a schema's top-level data keys
 * ({@code tongban:editableAt}, {@code tongban:hiddenAt}, {@code tongban:variable}, {@code tongban:prefill}). They
 * apply to whole top-level keys — a field, a group with a path or a dynamic list — so a row or a nested field never
 * has rights its container lacks; a group without a path passes its steps on to its fields.
 */
final class BindingReader {

    static final String EDITABLE_AT = "tongban:editableAt";
    static final String HIDDEN_AT = "tongban:hiddenAt";
    static final String VARIABLE = "tongban:variable";
    static final String PREFILL = "tongban:prefill";
    static final Set<String> PROPERTIES = Set.of(EDITABLE_AT, HIDDEN_AT, VARIABLE, PREFILL);
    /** The verified-profile entries a field may be filled from (docs/forms.md). */
    static final Set<String> PROFILE = Set.of("profile.name", "profile.idNumber", "profile.companyName", "profile.creditCode");
    /** Types whose single value a process variable can hold (no lists, no nested data). */
    static final Set<String> VARIABLE_TYPES = Set.of("textfield", "number", "select", "radio", "checkbox", "datetime", "expression");
    /** Names an expression already means something by (the engine's, EL's, ours). */
    private static final Set<String> RESERVED = Set.of("execution", "task", "department", "countersign", "variableContainer",
            "authenticatedUserId", "empty", "not", "and", "or", "div", "mod", "eq", "ne", "lt", "gt", "le", "ge", "true",
            "false", "null", "instanceof");
    private static final Pattern STEP = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,254}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private final String source;
    private final Map<String, FieldBinding> bindings = new LinkedHashMap<>();
    private final Set<String> variables = new HashSet<>();

    private BindingReader(String source) {
        this.source = source;
    }

    /** The bindings of every top-level data key, in schema order; the schema's components were already read. */
    static Map<String, FieldBinding> read(String source, JsonNode components) {
        var reader = new BindingReader(source);
        reader.scope(components, null, null);
        return Map.copyOf(reader.bindings);
    }

    private InvalidContentException refuse(String where, String why) {
        return new InvalidContentException(source, where + ": " + why);
    }

    /** The top scope: {@code editable}/{@code hidden} are what an enclosing group without a path declared, or null. */
    private void scope(JsonNode components, Set<String> editable, Set<String> hidden) {
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            String key = c.hasNonNull("key") && !c.path("key").asText().isEmpty() ? c.path("key").asText()
                    : c.hasNonNull("path") && !c.path("path").asText().isEmpty() ? c.path("path").asText() : null;
            String where = "component '" + (key != null ? key : c.path("id").asText(type)) + "'";
            JsonNode props = c.path("properties");
            Set<String> ownEditable = steps(props, EDITABLE_AT, where);
            Set<String> ownHidden = steps(props, HIDDEN_AT, where);
            Set<String> e = ownEditable != null ? ownEditable : editable;
            Set<String> h = ownHidden != null ? ownHidden : hidden != null ? hidden : Set.of();
            boolean container = SchemaReader.CONTAINER_TYPES.contains(type);
            if (key == null) { // a group without a path, or a display component
                if ((props.has(VARIABLE) || props.has(PREFILL)) || (!container && (ownEditable != null || ownHidden != null))) {
                    throw refuse(where, "tongban:editableAt/hiddenAt/variable/prefill apply to data fields, groups and lists");
                }
                if (container) {
                    scope(c.path("components"), e, ownHidden != null ? ownHidden : hidden);
                }
                continue;
            }
            if (container) {
                if (props.has(VARIABLE) || props.has(PREFILL)) {
                    throw refuse(where, "tongban:variable and tongban:prefill apply to single fields, not to a group or list");
                }
                nestedHaveNone(c.path("components"));
            }
            String variable = variable(props, type, where);
            String prefill = prefill(props, type, where);
            Set<String> editableAt = e != null ? e : prefill == null ? Set.of(FieldBinding.APPLY) : Set.of();
            if (prefill != null && editableAt.contains(FieldBinding.APPLY)) {
                throw refuse(where, "a prefilled field is filled by the server: the applicant cannot edit it (remove 'apply' from tongban:editableAt)");
            }
            for (String step : editableAt) {
                if (h.contains(step)) {
                    throw refuse(where, "step '" + step + "' is in both tongban:editableAt and tongban:hiddenAt");
                }
            }
            bindings.put(key, new FieldBinding(key, editableAt, h, variable, prefill));
        }
    }

    /** Inside a group with a path or a list row: the container's declarations are the only ones. */
    private void nestedHaveNone(JsonNode components) {
        for (JsonNode c : components) {
            for (String p : PROPERTIES) {
                if (c.path("properties").has(p)) {
                    throw refuse("component '" + c.path("key").asText(c.path("path").asText(c.path("type").asText())) + "'",
                            p + " applies to top-level fields only: set it on the enclosing group or list");
                }
            }
            nestedHaveNone(c.path("components"));
        }
    }

    private Set<String> steps(JsonNode props, String name, String where) {
        if (!props.has(name)) {
            return null;
        }
        var steps = new LinkedHashSet<String>();
        for (String s : props.path(name).asText().split("[,\\s]+")) {
            if (s.isEmpty()) {
                continue;
            }
            if (!STEP.matcher(s).matches()) {
                throw refuse(where, name + ": '" + s + "' is not a step id (a user task id of the process, or 'apply')");
            }
            steps.add(s);
        }
        if (steps.size() > 50) {
            throw refuse(where, name + " lists more than 50 steps");
        }
        return steps;
    }

    private String variable(JsonNode props, String type, String where) {
        if (!props.has(VARIABLE)) {
            return null;
        }
        String name = props.path(VARIABLE).asText().strip();
        if (!VARIABLE_TYPES.contains(type)) {
            throw refuse(where, "a " + type + " cannot be a process variable (allowed: "
                    + String.join(", ", new java.util.TreeSet<>(VARIABLE_TYPES)) + ")");
        }
        if (!NAME.matcher(name).matches()) {
            throw refuse(where, "tongban:variable '" + name + "' must be a name of letters, digits and '_'");
        }
        if (RESERVED.contains(name) || ProcessVariables.PLATFORM.contains(name) || ProcessVariables.MULTI_INSTANCE.contains(name)
                || name.equals(ProcessVariables.URGED_AT) || name.equals(ProcessVariables.CARRIED_VERDICTS)) {
            throw refuse(where, "tongban:variable '" + name + "' is a name the platform or the engine already uses");
        }
        if (!variables.add(name)) {
            throw refuse(where, "tongban:variable '" + name + "' is mapped from two fields");
        }
        return name;
    }

    private String prefill(JsonNode props, String type, String where) {
        if (!props.has(PREFILL)) {
            return null;
        }
        String from = props.path(PREFILL).asText().strip();
        if (!PROFILE.contains(from)) {
            throw refuse(where, "tongban:prefill '" + from + "' is not a verified-profile entry (known: "
                    + String.join(", ", new java.util.TreeSet<>(PROFILE)) + ")");
        }
        if (!type.equals("textfield")) {
            throw refuse(where, "tongban:prefill applies to text fields only");
        }
        return from;
    }
}
