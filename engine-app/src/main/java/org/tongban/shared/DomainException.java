package org.tongban.shared;

import java.util.List;

/**
 * A refusal the client can act on. Modules say what kind of refusal it is ({@link Kind}); the web edge
 * turns the kind into an HTTP status and RFC 7807 problem JSON. {@code code} names the message
 * ({@code error.<code>} in messages*.properties); no technical detail ever reaches the client.
 */
public class DomainException extends RuntimeException {

    /** What went wrong, in the domain's words; the web layer maps each to one HTTP status. */
    public enum Kind {
        /** The request's content is wrong (field problems say where). */
        INVALID,
        /** Credentials are missing or wrong. */
        UNAUTHENTICATED,
        /** The actor's role does not allow this. */
        FORBIDDEN,
        /** Unknown, or not the actor's to see (existence is not revealed). */
        NOT_FOUND,
        /** The case or task is not in a state that allows this, or someone else changed it first. */
        CONFLICT,
        /** Well-formed, but contradicts an earlier request (e.g. an idempotency key reused). */
        UNPROCESSABLE
    }

    private final Kind kind;
    private final String code;
    private final transient List<Object> args;
    private final transient List<FieldProblem> fieldProblems;

    public DomainException(Kind kind, String code, List<Object> args, List<FieldProblem> fieldProblems) {
        super(code + " " + args);
        this.kind = kind;
        this.code = code;
        this.args = List.copyOf(args);
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public static DomainException of(Kind kind, String code, Object... args) {
        return new DomainException(kind, code, List.of(args), List.of());
    }

    public static DomainException notFound(String code, Object... args) {
        return of(Kind.NOT_FOUND, code, args);
    }

    public static DomainException conflict(String code, Object... args) {
        return of(Kind.CONFLICT, code, args);
    }

    public static DomainException forbidden(String code, Object... args) {
        return of(Kind.FORBIDDEN, code, args);
    }

    public static DomainException invalid(List<FieldProblem> problems) {
        return new DomainException(Kind.INVALID, "invalid-input", List.of(), problems);
    }

    public static DomainException invalid(FieldProblem problem) {
        return invalid(List.of(problem));
    }

    public Kind kind() { return kind; }
    public String code() { return code; }
    public List<Object> args() { return args; }
    public List<FieldProblem> fieldProblems() { return fieldProblems; }
}
