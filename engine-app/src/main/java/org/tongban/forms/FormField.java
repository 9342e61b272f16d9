package org.tongban.forms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One data-carrying component of a form-js schema with the rules the server enforces (pattern compiled once,
 * FEEL parsed once). Input fields have a {@code key}; a {@code group} with a {@code path} and a {@code dynamiclist}
 * (whose rows live under its {@code path}) have that path as their key and hold {@code components}; a group without
 * a path has a null key and its fields share the enclosing scope. {@code hide} is the FEEL of
 * {@code conditional.hide} and {@code expression} that of an {@code expression} (computed) field, both without the
 * leading {@code =}; {@code format} is the declared {@link FieldFormat} or null.
 */
public record FormField(String key, String type, String label, String labelEn, boolean required,
                        Integer minLength, Integer maxLength, Pattern pattern, Double min, Double max,
                        Map<String, String> options, FieldFormat format,
                        String validationType, Integer decimalDigits, BigDecimal increment, boolean numberAsString,
                        String subtype, boolean noPastDates,
                        Integer minRows, Integer maxRows, String hide, String expression, List<FormField> components) {

    /** The old shape (a plain input field), kept for callers and tests that build fields by hand. */
    public FormField(String key, String type, String label, String labelEn, boolean required, Integer minLength,
                     Integer maxLength, Pattern pattern, Double min, Double max, Map<String, String> options,
                     FieldFormat format) {
        this(key, type, label, labelEn, required, minLength, maxLength, pattern, min, max, options, format,
                null, null, null, false, null, false, null, null, null, null, List.of());
    }

    public boolean isNumber() {
        return "number".equals(type);
    }

    /** Only a textarea may hold line breaks and tabs. */
    public boolean isMultiline() {
        return "textarea".equals(type);
    }

    /** A dynamic list: its value is a list of rows, each a map of its components' values. */
    public boolean isList() {
        return "dynamiclist".equals(type);
    }

    /** A group or dynamic list: holds other fields. */
    public boolean isContainer() {
        return "group".equals(type) || isList();
    }

    /** An {@code expression} field: the server computes its value, a client's value is ignored. */
    public boolean isComputed() {
        return "expression".equals(type);
    }

    /** Checklist and taglist values are lists of option values. */
    public boolean isMultiChoice() {
        return "checklist".equals(type) || "taglist".equals(type);
    }

    /** Text shown to people: option labels rather than values, whole numbers without ".0". */
    public String display(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::display).collect(Collectors.joining("、"));
        }
        if (value instanceof Boolean b && "checkbox".equals(type)) {
            return b ? "是" : "否";
        }
        if (options != null && options.containsKey(String.valueOf(value))) {
            return options.get(String.valueOf(value));
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(value);
    }
}
