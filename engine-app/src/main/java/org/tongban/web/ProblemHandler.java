package org.tongban.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.tongban.shared.ApiException;
import org.tongban.shared.FieldProblem;

/** Every error leaves as RFC 7807 problem JSON with a localized message; never a stack trace. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private final ProblemWriter problems;

    ProblemHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        return respond(problems.problem(e.status(), e.code(), e.args(), e.fieldProblems()), request);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> denied(RuntimeException e, HttpServletRequest request) {
        return respond(problems.problem(403, "forbidden", List.of(), List.of()), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(problems.problem(400, "invalid-input", List.of(),
                List.of(FieldProblem.of(e.getName(), "bad-format", e.getName(), e.getName()))), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (org.tongban.shared.TransientConflicts.isTransient(e)) {
            log.info("Concurrent update on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return respond(problems.problem(409, "concurrent-update", List.of(), List.of()), request);
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(problems.problem(500, "internal", List.of(), List.of()), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String field = e.getCause() instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid
                && !invalid.getPath().isEmpty() ? invalid.getPath().get(0).getFieldName() : "body";
        String code = "body".equals(field) ? "malformed-json" : "bad-value";
        return asObject(problems.problem(400, "invalid-input", List.of(), List.of(FieldProblem.of(field, code, field, field))), request);
    }

    /** Spring MVC's own exceptions (404, 405, 413, 415...) keep their status and get our localized body. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        String code = switch (status.value()) {
            case 404 -> "no-such-resource";
            case 405 -> "method-not-allowed";
            case 413 -> "upload-too-large";
            case 415 -> "unsupported-media-type";
            case 406 -> "not-acceptable";
            default -> status.is4xxClientError() ? "bad-request" : "internal";
        };
        return asObject(problems.problem(status.value(), code, List.of(), List.of()), request);
    }

    private ResponseEntity<Object> asObject(ProblemDetail problem, WebRequest request) {
        HttpServletRequest servlet = ((ServletWebRequest) request).getRequest();
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(withInstance(problem, servlet));
    }

    private ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpServletRequest request) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(withInstance(problem, request));
    }

    private static ProblemDetail withInstance(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        return problem;
    }
}
