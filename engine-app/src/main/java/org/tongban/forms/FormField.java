package org.tongban.forms;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One input field of a form-js schema, with the validation rules the server enforces (pattern compiled once);
 * {@code format} is the declared {@link FieldFormat} or null.
 */
public record FormField(String key, String type, String label, String labelEn, boolean required,
                        Integer minLength, Integer maxLength, Pattern pattern, Double min, Double max,
                        Map<String, String> options, FieldFormat format) {

    public boolean isNumber() {
        return "number".equals(type);
    }

    /** Only a textarea may hold line breaks and tabs. */
    public boolean isMultiline() {
        return "textarea".equals(type);
    }

    /** Text shown to people: a select's option label rather than its value. */
    public String display(Object value) {
        if (value == null) {
            return "";
        }
        if (options != null && options.containsKey(String.valueOf(value))) {
            return options.get(String.valueOf(value));
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(value);
    }
}
