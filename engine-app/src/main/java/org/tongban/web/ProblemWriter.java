package org.tongban.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.LocaleResolver;
import org.tongban.auth.LoginThrottledException;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.TechnicalDetail;

/**
 * Builds RFC 7807 problem details. Title and detail follow the request's language (zh-CN by default);
 * every field error carries its message in both zh-CN and en. Message arguments are formatted here, per
 * language: numbers plainly (1048576, not MessageFormat's "1,048,576"), enums and field names by their
 * localized labels, lists joined; {@link TechnicalDetail} goes to its own property, never into a sentence.
 */
@Component
class ProblemWriter {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    static final Locale EN = Locale.ENGLISH;
    private static final int MAX_INSTANCE_LENGTH = 2048;

    private final MessageSource messages;
    private final ObjectMapper json;
    private final LocaleResolver locales;

    ProblemWriter(MessageSource messages, ObjectMapper json, LocaleResolver locales) {
        this.messages = messages;
        this.json = json;
        this.locales = locales;
    }

    /** The problem code of a bare status (Spring MVC's own exceptions, the error page, Tomcat's error report). */
    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "malformed-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "no-such-resource";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "upload-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 431 -> "headers-too-large";
            default -> status >= 400 && status < 500 ? "bad-request" : "internal";
        };
    }

    /** A request field (parameter, part, JSON property) shown by its label {@code label.<name>}, else by its name. */
    static MessageSourceResolvable label(String field) {
        return new DefaultMessageSourceResolvable(new String[] {"label." + field}, field);
    }

    ProblemDetail problem(int status, String code, List<?> args, List<FieldProblem> fields) {
        return problem(LocaleContextHolder.getLocale(), status, code, args, fields);
    }

    ProblemDetail problem(Locale locale, int status, String code, List<?> args, List<FieldProblem> fields) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatusCode.valueOf(status));
        String statusTitle = "error.title." + status;
        String classTitle = status < 500 ? "error.title.client" : "error.title.server";
        problem.setType(URI.create("https://tongban.org/problems/" + code));
        problem.setTitle(text(locale, List.of(), "error." + code + ".title", statusTitle, classTitle));
        problem.setDetail(text(locale, args, "error." + code, statusTitle, classTitle));
        problem.setProperty("code", code);
        if (!fields.isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (FieldProblem f : fields) {
                var error = new LinkedHashMap<String, Object>();
                error.put("field", f.field());
                error.put("code", f.code());
                error.put("message", fieldText(f, locale));
                error.put("messages", Map.of("zh-CN", fieldText(f, ZH), "en", fieldText(f, EN)));
                f.args().stream().filter(TechnicalDetail.class::isInstance).map(a -> ((TechnicalDetail) a).text())
                        .reduce((a, b) -> a + "\n" + b).ifPresent(detail -> error.put("technicalDetail", detail));
                errors.add(error);
            }
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** Field messages take the label in the message's own language: args are (zhLabel, enLabel, rest...). */
    private String fieldText(FieldProblem f, Locale locale) {
        return text(locale, f.args(), "error.field." + f.code(), "error.field.invalid");
    }

    /** The first message found among {@code keys}; never a raw key. */
    private String text(Locale locale, List<?> args, String... keys) {
        Object[] values = args.stream().map(a -> format(a, locale)).toArray();
        for (String key : keys) {
            String text = messages.getMessage(key, values, null, locale);
            if (text != null) {
                return text;
            }
        }
        return "";
    }

    private String format(Object arg, Locale locale) {
        if (arg == null || arg instanceof TechnicalDetail) {
            return "";
        } else if (arg instanceof MessageSourceResolvable resolvable) {
            return messages.getMessage(resolvable, locale);
        } else if (arg instanceof Enum<?> constant) {
            String key = "enum." + constant.getDeclaringClass().getSimpleName() + "." + constant.name();
            return messages.getMessage(key, null, constant.name(), locale);
        } else if (arg instanceof DataSize size) {
            return plain(size);
        } else if (arg instanceof Number number) {
            return plain(number);
        } else if (arg instanceof Collection<?> items) {
            return items.stream().map(i -> format(i, locale))
                    .collect(Collectors.joining("zh".equals(locale.getLanguage()) ? "、" : ", "));
        }
        return String.valueOf(arg);
    }

    static String plain(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : String.valueOf(d);
        } else if (number instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        } else if (number instanceof BigInteger || number instanceof Long || number instanceof Integer
                || number instanceof Short || number instanceof Byte) {
            return number.toString();
        }
        return new BigDecimal(number.toString()).toPlainString();
    }

    /** Sizes as people set them: "2 MB", "512 KB", "300 B". */
    static String plain(DataSize size) {
        long bytes = size.toBytes();
        if (bytes > 0 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        } else if (bytes > 0 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " B";
    }

    /**
     * Writes the problem whatever the request's Accept header says (an error has no other representation).
     * {@code path} is the request path the problem is about.
     */
    void write(HttpServletResponse response, String path, ProblemDetail problem) throws IOException {
        problem.setInstance(instance(path));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        write(response, request.getRequestURI(), problem);
    }

    String toJson(ProblemDetail problem, String path) throws IOException {
        problem.setInstance(instance(path));
        return json.writeValueAsString(problem);
    }

    /** The request's language outside Spring MVC (security filters, the container's error report). */
    Locale localeOf(HttpServletRequest request) {
        try {
            return Objects.requireNonNullElse(locales.resolveLocale(request), ZH);
        } catch (RuntimeException e) {
            return ZH; // unparsable Accept-Language
        }
    }

    /** A refused request's path, when it is a valid and reasonably short URI; echoing 20 KB helps nobody. */
    static URI instance(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_INSTANCE_LENGTH) {
            return null;
        }
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void writeOutsideMvc(HttpServletRequest request, HttpServletResponse response, int status, String code) throws IOException {
        write(request, response, problem(localeOf(request), status, code, List.of(), List.of()));
    }

    /**
     * Not logged in, or a password login refused by the throttle (429). The challenge names Bearer only:
     * a Basic challenge would make browsers prompt for and then silently resend a password.
     */
    void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (e instanceof LoginThrottledException throttled) {
            tooManyRequests(request, response, "login-throttled", throttled.retryAfterSeconds());
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer realm=\"tongban\"");
        writeOutsideMvc(request, response, 401, "unauthenticated");
    }

    /** RFC 6750: a presented token that is unknown, expired or revoked. */
    void invalidToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"tongban\", error=\"invalid_token\"");
        writeOutsideMvc(request, response, 401, "invalid-token");
    }

    /** 429 with Retry-After, from a filter. The seconds go in as text so they print without digit grouping. */
    void tooManyRequests(HttpServletRequest request, HttpServletResponse response, String code, long retryAfterSeconds)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        write(request, response, problem(localeOf(request), 429, code, List.of(retryAfterSeconds), List.of()));
    }

    /** 429 with Retry-After, as a controller's answer. */
    ResponseEntity<ProblemDetail> tooManyRequests(HttpServletRequest request, String code, long retryAfterSeconds) {
        ProblemDetail problem = problem(429, code, List.of(retryAfterSeconds), List.of());
        problem.setInstance(instance(request.getRequestURI()));
        return ResponseEntity.status(429).header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A request without a login that fails the CSRF check is unauthenticated (401), not forbidden. */
    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        if (e instanceof CsrfException && !loggedIn()) {
            unauthorized(request, response, null);
            return;
        }
        writeOutsideMvc(request, response, 403, "forbidden");
    }

    private static boolean loggedIn() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        return current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken);
    }
}
