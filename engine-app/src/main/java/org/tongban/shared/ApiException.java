package org.tongban.shared;

import java.util.List;

/**
 * A refusal the client can act on, rendered as RFC 7807 problem JSON. {@code code} names the message
 * ({@code error.<code>} in messages*.properties); no technical detail ever reaches the client.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final transient List<Object> args;
    private final transient List<FieldProblem> fieldProblems;

    public ApiException(int status, String code, List<Object> args, List<FieldProblem> fieldProblems) {
        super(code + " " + args);
        this.status = status;
        this.code = code;
        this.args = List.copyOf(args);
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public static ApiException notFound(String code, Object... args) {
        return new ApiException(404, code, List.of(args), List.of());
    }

    public static ApiException conflict(String code, Object... args) {
        return new ApiException(409, code, List.of(args), List.of());
    }

    public static ApiException forbidden(String code, Object... args) {
        return new ApiException(403, code, List.of(args), List.of());
    }

    public static ApiException invalid(List<FieldProblem> problems) {
        return new ApiException(400, "invalid-input", List.of(), problems);
    }

    public static ApiException invalid(FieldProblem problem) {
        return invalid(List.of(problem));
    }

    public int status() { return status; }
    public String code() { return code; }
    public List<Object> args() { return args; }
    public List<FieldProblem> fieldProblems() { return fieldProblems; }
}
