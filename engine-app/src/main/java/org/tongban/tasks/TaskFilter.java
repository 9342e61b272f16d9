package org.tongban.tasks;

import static org.tongban.shared.QueryParameters.label;
import static org.tongban.shared.QueryParameters.number;
import static org.tongban.shared.QueryParameters.present;
import static org.tongban.shared.QueryParameters.text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tongban.cases.StepKind;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;

/**
 * What an approver asks of the to-do queue: filters, order and page. Parsed from request parameters; every
 * bad value becomes a field problem, all reported at once.
 */
public record TaskFilter(String caseNumber, String itemCode, StepKind kind, Boolean claimed, boolean mine,
                         Instant dueBefore, Sort sort, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Keeps {@code page * size} an int, as Flowable's listPage takes it. */
    public static final int MAX_PAGE = 1_000_000;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The orders a queue can be read in; ties are broken by task id so paging is stable. */
    public enum Sort {
        CREATED_AT_ASC("createdAt,asc"), CREATED_AT_DESC("createdAt,desc"),
        DUE_DATE_ASC("dueDate,asc"), DUE_DATE_DESC("dueDate,desc");

        private final String parameter;

        Sort(String parameter) {
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    /** The step kinds an approver works (the correction step is the applicant's). */
    public static final List<StepKind> APPROVER_KINDS = Arrays.stream(StepKind.values())
            .filter(k -> k != StepKind.CORRECTION).toList();

    /** Parses the request parameters; null means absent. */
    public static TaskFilter parse(String caseNumber, String itemCode, String kind, String claimed, String mine,
                                   String dueBefore, String sort, String page, String size) {
        var problems = new ArrayList<FieldProblem>();
        StepKind stepKind = null;
        if (present(kind)) {
            stepKind = APPROVER_KINDS.stream().filter(k -> k.category().equals(kind.strip())).findFirst().orElse(null);
            if (stepKind == null) {
                problems.add(FieldProblem.of("kind", "not-an-option", label("kind"), label("kind"),
                        APPROVER_KINDS.stream().map(StepKind::category).toList()));
            }
        }
        Sort order = Sort.CREATED_AT_ASC;
        if (present(sort)) {
            String wanted = sort.strip().contains(",") ? sort.strip() : sort.strip() + ",asc";
            order = Arrays.stream(Sort.values()).filter(s -> s.parameter.equalsIgnoreCase(wanted)).findFirst().orElse(null);
            if (order == null) {
                problems.add(FieldProblem.of("sort", "not-an-option", label("sort"), label("sort"),
                        Arrays.stream(Sort.values()).map(Sort::parameter).toList()));
            }
        }
        return finish(problems, text("caseNumber", caseNumber, problems), text("itemCode", itemCode, problems),
                stepKind, bool("claimed", claimed, problems), Boolean.TRUE.equals(bool("mine", mine, problems)),
                instant("dueBefore", dueBefore, problems), order,
                number("page", page, 0, 0, MAX_PAGE, problems), number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, problems));
    }

    /** Only the page of a list with no filters (已办). */
    public static TaskFilter page(String page, String size) {
        var problems = new ArrayList<FieldProblem>();
        return finish(problems, null, null, null, null, false, null, Sort.CREATED_AT_ASC,
                number("page", page, 0, 0, MAX_PAGE, problems), number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, problems));
    }

    public int firstResult() {
        return page * size;
    }

    private static TaskFilter finish(List<FieldProblem> problems, String caseNumber, String itemCode, StepKind kind,
                                     Boolean claimed, boolean mine, Instant dueBefore, Sort sort, int page, int size) {
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        return new TaskFilter(caseNumber, itemCode, kind, claimed, mine, dueBefore, sort, page, size);
    }



    private static Boolean bool(String field, String value, List<FieldProblem> problems) {
        if (!present(value)) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problems.add(FieldProblem.of(field, "not-an-option", label(field), label(field), List.of("true", "false")));
                yield null;
            }
        };
    }


    /** An instant (2026-12-01T00:00:00Z) or a day (2026-12-01, meaning its start in China). */
    private static Instant instant(String field, String value, List<FieldProblem> problems) {
        if (!present(value)) {
            return null;
        }
        try {
            String v = value.strip();
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(CHINA).toInstant() : Instant.parse(v);
        } catch (DateTimeException e) {
            problems.add(FieldProblem.of(field, "bad-format", label(field), label(field)));
            return null;
        }
    }

}
