package org.tongban.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;

/** Every error leaves as RFC 7807 problem JSON with a localized message; never a stack trace. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    /** Tomcat's request attribute naming why it could not parse the parameters or parts. */
    private static final String PARSE_FAILURE = "org.apache.catalina.parameter_parse_failed_reason";
    private final ProblemWriter problems;
    private final DataSize maxFileSize;
    private final DataSize maxRequestSize;
    private final DataSize maxTextSize;
    private final ObjectProvider<HandlerMapping> handlers;

    ProblemHandler(ProblemWriter problems, MultipartProperties multipart, ServerProperties server,
                   @Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> handlers) {
        this.problems = problems;
        this.maxFileSize = multipart.getMaxFileSize();
        this.maxRequestSize = multipart.getMaxRequestSize();
        DataSize formPost = server.getTomcat().getMaxHttpFormPostSize();
        // Tomcat counts text parts against max-http-form-post-size; each part is also bound by the file limit.
        this.maxTextSize = formPost.isNegative() || formPost.compareTo(maxFileSize) > 0 ? maxFileSize : formPost;
        this.handlers = handlers;
    }

    /** The one place a domain refusal becomes an HTTP status. */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> refused(DomainException e, HttpServletRequest request) {
        return respond(problems.problem(statusOf(e.kind()), e.code(), e.args(), e.fieldProblems()), request);
    }

    static int statusOf(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
        };
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> denied(RuntimeException e, HttpServletRequest request) {
        return respond(problems.problem(403, "forbidden", List.of(), List.of()), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(invalid(FieldProblem.of(e.getName(), "bad-format", ProblemWriter.label(e.getName()),
                ProblemWriter.label(e.getName()))), request);
    }

    /** The security firewall checks some header values only when they are read, inside a controller. */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RuntimeException e, HttpServletRequest request) {
        return respond(problems.problem(400, "malformed-request", List.of(), List.of()), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (org.tongban.workflow.TransientConflicts.isTransient(e)) {
            log.info("Concurrent update on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return respond(problems.problem(409, "concurrent-update", List.of(), List.of()), request);
        }
        if (packetTooBig(e)) {
            // The database refused a statement carrying a file (max_allowed_packet): nothing was stored.
            log.error("The database refused a statement as too large on {} {}: raise max_allowed_packet (docs/operations.md)",
                    request.getMethod(), request.getRequestURI(), e);
            return respond(problems.problem(413, "file-too-large-for-storage", List.of(), List.of()), request);
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(problems.problem(500, "internal", List.of(), List.of()), request);
    }

    private static boolean packetTooBig(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals("com.mysql.cj.jdbc.exceptions.PacketTooBigException")) {
                return true;
            }
        }
        return false;
    }

    /** Unreadable JSON: the property at fault is named; an enum lists its allowed values (exact, no numbers). */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        FieldProblem problem;
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            Class<?> target = mismatch.getTargetType();
            problem = target != null && target.isEnum()
                    ? FieldProblem.of(field, "not-an-option", ProblemWriter.label(field), ProblemWriter.label(field),
                            Arrays.stream(target.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining("/")))
                    : FieldProblem.of(field, "bad-value", ProblemWriter.label(field), ProblemWriter.label(field));
        } else if (e.getCause() instanceof JsonProcessingException) {
            problem = FieldProblem.of("body", "malformed-json");
        } else {
            problem = FieldProblem.of("body", "required", ProblemWriter.label("body"), ProblemWriter.label("body"));
        }
        return asObject(invalid(problem), request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return asObject(invalid(required(e.getParameterName())), request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e, HttpHeaders headers,
                                                                     HttpStatusCode status, WebRequest request) {
        return asObject(invalid(required(e.getRequestPartName())), request);
    }

    /**
     * Too large: a file part (per-file limit), the whole request, too many parts, an over-long part header, or
     * the text parts (Tomcat's max-http-form-post-size). Spring reports them all alike; Tomcat's cause tells.
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        HttpServletRequest servlet = ((ServletWebRequest) request).getRequest();
        FileSizeLimitExceededException part = cause(e, FileSizeLimitExceededException.class);
        SizeLimitExceededException total = cause(e, SizeLimitExceededException.class);
        FileCountLimitExceededException count = cause(e, FileCountLimitExceededException.class);
        if (count != null) {
            return asObject(problems.problem(413, "too-many-parts", List.of(count.getLimit()), List.of()), request);
        } else if (part != null && part.getFileName() == null) {
            return textTooLarge(part.getFieldName(), request);
        } else if (total != null && part == null && total.getPermittedSize() < maxRequestSize.toBytes()) {
            return asObject(problems.problem(413, "part-headers-too-large",
                    List.of(DataSize.ofBytes(total.getPermittedSize())), List.of()), request);
        } else if (part == null && total == null && "POST_TOO_LARGE".equals(String.valueOf(servlet.getAttribute(PARSE_FAILURE)))) {
            return textTooLarge(textPartOf(servlet), request);
        }
        return asObject(problems.problem(413, "upload-too-large", List.of(maxFileSize, maxRequestSize), List.of()), request);
    }

    private ResponseEntity<Object> textTooLarge(String field, WebRequest request) {
        return asObject(problems.problem(413, "text-too-large", List.of(maxTextSize), List.of(FieldProblem.of(field,
                "text-too-large", ProblemWriter.label(field), ProblemWriter.label(field), maxTextSize))), request);
    }

    /** A body that is not multipart at all, or breaks off: the client's fault, not ours. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e, HttpServletRequest request) {
        return respond(invalid(FieldProblem.of("body", "malformed-multipart")), request);
    }

    /** Spring MVC's own exceptions (404, 405, 406, 415...) keep their status and get our localized body. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        String code = status.value() == 400 ? "bad-request" : ProblemWriter.codeFor(status.value());
        List<Object> args = status.value() == 413 ? List.of(maxFileSize, maxRequestSize) : List.of();
        ResponseEntity<Object> response = asObject(problems.problem(status.value(), code, args, List.of()), request);
        return headers.isEmpty() ? response : ResponseEntity.status(response.getStatusCode()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(response.getBody());
    }

    private ProblemDetail invalid(FieldProblem problem) {
        return problems.problem(400, "invalid-input", List.of(), List.of(problem));
    }

    private static FieldProblem required(String name) {
        return FieldProblem.of(name, "required", ProblemWriter.label(name), ProblemWriter.label(name));
    }

    /** JSON path of the property at fault: {@code action}, {@code corrections.0}. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                .collect(Collectors.joining("."));
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /**
     * Tomcat does not say which text part overflowed its limit, and Spring parses parts before choosing the
     * handler: ask the handler mapping which text parameter the target method takes.
     */
    private String textPartOf(HttpServletRequest request) {
        try {
            HandlerExecutionChain chain = handlers.getObject().getHandler(request);
            if (chain != null && chain.getHandler() instanceof HandlerMethod method) {
                for (MethodParameter parameter : method.getMethodParameters()) {
                    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                    if (param != null && parameter.getParameterType() == String.class) {
                        return !param.name().isEmpty() ? param.name()
                                : !param.value().isEmpty() ? param.value() : parameter.getParameterName();
                    }
                }
            }
        } catch (Exception e) {
            log.debug("No handler for {}", request.getRequestURI(), e);
        }
        return "body";
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
        problem.setInstance(ProblemWriter.instance(request.getRequestURI()));
        return problem;
    }
}
