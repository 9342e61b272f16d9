package org.tongban.forms.internal.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.tongban.forms.FormField;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.PlainText;

/**
 * The rules for one input value: required, type, plain text, length, pattern, declared format, e-mail, number range,
 * decimal digits and increment, options, dates and times. Returns the value to store (null when blank), adding a
 * problem at {@code path} when the value is refused.
 */
final class ValueRules {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");
    /** form-js times: HH:mm, optionally with a UTC offset or Z (its three time serialisations). */
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9](Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])?");

    private ValueRules() {
    }

    static Object check(String path, FormField f, Object value, List<FieldProblem> problems) {
        return check(path, f, value, problems, true);
    }

    /** {@code requiring} false: the field is not filled at this step, so a blank is no problem. */
    static Object check(String path, FormField f, Object value, List<FieldProblem> problems, boolean requiring) {
        boolean blank = value == null || (value instanceof String s && s.isBlank())
                || (value instanceof List<?> l && l.isEmpty() && f.isMultiChoice())
                || (Boolean.FALSE.equals(value) && "checkbox".equals(f.type()));
        if (blank) {
            if (f.required() && requiring) {
                problems.add(FieldProblem.of(path, "required", f.label(), f.labelEn()));
            }
            return "checkbox".equals(f.type()) && value != null ? value : null;
        }
        int before = problems.size();
        Object clean = switch (f.type()) {
            case "number" -> number(path, f, value, problems);
            case "checkbox" -> value instanceof Boolean ? value : problem(path, f, "not-a-boolean", problems);
            case "checklist", "taglist" -> choices(path, f, value, problems);
            case "datetime" -> datetime(path, f, value, problems);
            default -> text(path, f, value, problems);
        };
        return problems.size() == before ? clean : null;
    }

    private static Object problem(String path, FormField f, String code, List<FieldProblem> problems, Object... extra) {
        var args = new ArrayList<Object>(List.of(f.label(), f.labelEn()));
        args.addAll(List.of(extra));
        problems.add(new FieldProblem(path, code, List.copyOf(args)));
        return null;
    }

    private static Object number(String path, FormField f, Object value, List<FieldProblem> problems) {
        BigDecimal n;
        if (value instanceof Number number && !(value instanceof Double d && (d.isNaN() || d.isInfinite()))) {
            n = new BigDecimal(number.toString());
        } else if (value instanceof String s && f.numberAsString() && s.matches("-?[0-9]{1,30}(\\.[0-9]{1,30})?")) {
            n = new BigDecimal(s); // form-js serializeToString: the number travels as its decimal text
        } else {
            return problem(path, f, "not-a-number", problems);
        }
        if (f.min() != null && n.compareTo(BigDecimal.valueOf(f.min())) < 0) {
            return problem(path, f, "too-small", problems, plain(f.min()));
        }
        if (f.max() != null && n.compareTo(BigDecimal.valueOf(f.max())) > 0) {
            return problem(path, f, "too-large", problems, plain(f.max()));
        }
        if (f.decimalDigits() != null && Math.max(n.stripTrailingZeros().scale(), 0) > f.decimalDigits()) {
            return problem(path, f, "too-many-decimals", problems, f.decimalDigits());
        }
        if (f.increment() != null && n.remainder(f.increment()).signum() != 0) {
            return problem(path, f, "not-a-step", problems, f.increment().toPlainString());
        }
        return value;
    }

    private static String plain(Double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static Object choices(String path, FormField f, Object value, List<FieldProblem> problems) {
        if (!(value instanceof List<?> list)) {
            return problem(path, f, "not-a-list", problems);
        }
        var seen = new HashSet<Object>();
        for (Object choice : list) {
            if (!(choice instanceof String s) || !f.options().containsKey(s)) {
                return problem(path, f, "not-an-option", problems, String.join("/", f.options().keySet()));
            }
            if (!seen.add(s)) {
                return problem(path, f, "bad-value", problems);
            }
        }
        return value;
    }

    private static Object datetime(String path, FormField f, Object value, List<FieldProblem> problems) {
        if (!(value instanceof String s) || s.length() > 40) {
            return problem(path, f, "bad-" + f.subtype(), problems);
        }
        try {
            switch (f.subtype()) {
                case "date" -> {
                    LocalDate day = LocalDate.parse(s); // ISO yyyy-MM-dd, as form-js emits
                    if (f.noPastDates() && day.isBefore(LocalDate.now(CHINA))) {
                        return problem(path, f, "date-in-past", problems);
                    }
                }
                case "time" -> {
                    if (!TIME.matcher(s).matches()) {
                        return problem(path, f, "bad-time", problems);
                    }
                    LocalTime.parse(s.substring(0, 5));
                }
                default -> {
                    int t = s.indexOf('T');
                    if (t != 10 || !TIME.matcher(s.substring(11)).matches()) {
                        return problem(path, f, "bad-datetime", problems);
                    }
                    LocalDateTime at = LocalDateTime.of(LocalDate.parse(s.substring(0, 10)), LocalTime.parse(s.substring(11, 16)));
                    if (f.noPastDates() && at.toLocalDate().isBefore(LocalDate.now(CHINA))) {
                        return problem(path, f, "date-in-past", problems);
                    }
                }
            }
        } catch (DateTimeParseException e) {
            return problem(path, f, "bad-" + f.subtype(), problems);
        }
        return s;
    }

    private static Object text(String path, FormField f, Object value, List<FieldProblem> problems) {
        if (!(value instanceof String text)) {
            return problem(path, f, "not-text", problems);
        }
        if (!PlainText.isPlain(text, f.isMultiline())) {
            return problem(path, f, "control-character", problems);
        }
        if (f.options() != null) {
            return f.options().containsKey(text) ? text
                    : problem(path, f, "not-an-option", problems, String.join("/", f.options().keySet()));
        }
        int length = text.codePointCount(0, text.length());
        if (f.minLength() != null && length < f.minLength()) {
            problem(path, f, "too-short", problems, f.minLength());
        }
        if (f.maxLength() != null && length > f.maxLength()) {
            problem(path, f, "too-long", problems, f.maxLength());
        }
        if (f.pattern() != null && !f.pattern().matcher(text).matches()) {
            problem(path, f, "bad-format", problems);
        } else if (f.format() != null && !f.format().accepts(text)) {
            problem(path, f, f.format().problemCode(), problems);
        } else if ("email".equals(f.validationType()) && !EMAIL.matcher(text).matches()) {
            problem(path, f, "bad-email", problems);
        }
        return text;
    }
}
