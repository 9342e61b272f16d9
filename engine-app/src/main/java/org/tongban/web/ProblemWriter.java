package org.tongban.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.tongban.auth.LoginThrottledException;
import org.tongban.shared.FieldProblem;

/**
 * Builds RFC 7807 problem details. Title and detail follow the request's language (zh-CN by default);
 * every field error carries its message in both zh-CN and en.
 */
@Component
class ProblemWriter {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    static final Locale EN = Locale.ENGLISH;

    private final MessageSource messages;
    private final ObjectMapper json;
    private final LocaleResolver locales;

    ProblemWriter(MessageSource messages, ObjectMapper json, LocaleResolver locales) {
        this.messages = messages;
        this.json = json;
        this.locales = locales;
    }

    ProblemDetail problem(int status, String code, List<?> args, List<FieldProblem> fields) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatusCode.valueOf(status));
        problem.setType(URI.create("https://tongban.org/problems/" + code));
        problem.setTitle(text("error." + code + ".title", List.of(), locale, "error.title." + status));
        problem.setDetail(text("error." + code, args, locale, "error.title." + status));
        problem.setProperty("code", code);
        if (!fields.isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (FieldProblem f : fields) {
                var error = new LinkedHashMap<String, Object>();
                error.put("field", f.field());
                error.put("code", f.code());
                error.put("message", fieldText(f, locale));
                error.put("messages", Map.of("zh-CN", fieldText(f, ZH), "en", fieldText(f, EN)));
                errors.add(error);
            }
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** Field messages take the label in the message's own language: args are (zhLabel, enLabel, rest...). */
    private String fieldText(FieldProblem f, Locale locale) {
        return text("error.field." + f.code(), f.args(), locale, "error.field.invalid");
    }

    private String text(String key, List<?> args, Locale locale, String fallbackKey) {
        Object[] values = args.stream().map(a -> a == null ? "" : a).toArray();
        String fallback = messages.getMessage(fallbackKey, values, fallbackKey, locale);
        return messages.getMessage(key, values, fallback, locale);
    }

    void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Security filters run before Spring MVC has set the request's language. */
    private void writeOutsideMvc(HttpServletRequest request, HttpServletResponse response, int status, String code) throws IOException {
        LocaleContextHolder.setLocale(locales.resolveLocale(request));
        try {
            write(request, response, problem(status, code, List.of(), List.of()));
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
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
        LocaleContextHolder.setLocale(locales.resolveLocale(request));
        try {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
            write(request, response, problem(429, code, List.of(String.valueOf(retryAfterSeconds)), List.of()));
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    /** 429 with Retry-After, as a controller's answer. */
    ResponseEntity<ProblemDetail> tooManyRequests(HttpServletRequest request, String code, long retryAfterSeconds) {
        ProblemDetail problem = problem(429, code, List.of(String.valueOf(retryAfterSeconds)), List.of());
        problem.setInstance(URI.create(request.getRequestURI()));
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
