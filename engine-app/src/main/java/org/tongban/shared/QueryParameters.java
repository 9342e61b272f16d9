package org.tongban.shared;

import java.util.List;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Query parameters checked into values or field problems (a label resolved in the client's language), so that a
 * list endpoint answers every bad parameter at once in one 400 problem.
 */
public final class QueryParameters {

    /** The longest text filter accepted (case numbers, item and department codes). */
    public static final int MAX_TEXT = 64;

    private QueryParameters() {
    }

    public static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** The stripped text, or null when absent; longer than {@link #MAX_TEXT}: a problem. */
    public static String text(String field, String value, List<FieldProblem> problems) {
        if (!present(value)) {
            return null;
        }
        if (value.strip().length() > MAX_TEXT) {
            problems.add(FieldProblem.of(field, "too-long", label(field), label(field), MAX_TEXT));
        }
        return value.strip();
    }

    /** A whole number within [min, max], or {@code absent}; anything else is a problem (and the nearest bound). */
    public static int number(String field, String value, int absent, int min, int max, List<FieldProblem> problems) {
        if (!present(value)) {
            return absent;
        }
        long n;
        try {
            n = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of(field, "not-a-number", label(field), label(field)));
            return absent;
        }
        if (n < min) {
            problems.add(FieldProblem.of(field, "too-small", label(field), label(field), min));
        } else if (n > max) {
            problems.add(FieldProblem.of(field, "too-large", label(field), label(field), max));
        }
        return (int) Math.max(min, Math.min(max, n));
    }

    /** One of the enum's names (any case), or {@code absent}; anything else is a problem naming the options. */
    public static <E extends Enum<E>> E option(String field, String value, Class<E> type, E absent, List<FieldProblem> problems) {
        if (!present(value)) {
            return absent;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of(field, "not-an-option", label(field), label(field),
                    java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
            return absent;
        }
    }

    /** An ISO date (YYYY-MM-DD), or {@code absent}; anything else is a problem (and null). */
    public static java.time.LocalDate date(String field, String value, java.time.LocalDate absent, List<FieldProblem> problems) {
        if (!present(value)) {
            return absent;
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "bad-date", label(field), label(field)));
            return null;
        }
    }

    /** The field's name in the client's language ({@code label.<field>} in the message files). */
    public static DefaultMessageSourceResolvable label(String field) {
        return new DefaultMessageSourceResolvable(new String[] {"label." + field}, field);
    }
}
