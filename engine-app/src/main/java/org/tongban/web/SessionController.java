package org.tongban.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.auth.AccessTokenAuthentication;
import org.tongban.auth.LoginThrottledException;
import org.tongban.identity.TongbanUser;
import org.tongban.shared.DomainException;

/**
 * The web UI's session login (JSON, CSRF-protected like every session request) and {@code GET /me}. Passwords are
 * checked by the same {@code PasswordLogin} (throttling, audit) as token requests and the form login.
 */
@RestController
@Tag(name = "Session (会话)")
class SessionController {

    static final String PATH = "/api/v1/session";
    static final String ME = "/api/v1/me";

    record LoginRequest(String username, String password) {
    }

    /** Who is logged in: for the UI's menus; the server still checks every request. */
    record Me(String username, String displayName, List<String> roles, List<String> departments) {

        static Me of(TongbanUser user) {
            return new Me(user.username(), user.displayName(),
                    user.roles().stream().map(Enum::name).sorted().toList(), user.departments());
        }
    }

    private final AuthenticationManager passwords;
    private final ProblemWriter problems;
    private final CsrfTokenRepository csrfTokens;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SessionController(AuthenticationManager passwords, ProblemWriter problems, CsrfTokenRepository csrfTokens) {
        this.passwords = passwords;
        this.problems = problems;
        this.csrfTokens = csrfTokens;
    }

    @PostMapping(PATH)
    @SecurityRequirements
    @Operation(summary = "Browser login for the web UI: starts a session (cookie) and answers who is logged in. "
            + "Needs the CSRF token (cookie XSRF-TOKEN, header X-XSRF-TOKEN). Wrong username or password: 401; "
            + "too many failures: 429 with Retry-After (same throttling as POST /auth/tokens)")
    ResponseEntity<?> login(@RequestBody LoginRequest body, HttpServletRequest request, HttpServletResponse response) {
        Authentication login;
        try {
            login = PasswordCheck.authenticate(passwords, body.username(), body.password(), request);
        } catch (LoginThrottledException e) {
            return problems.tooManyRequests(request, "login-throttled", e.retryAfterSeconds());
        }
        // a fresh session id and a fresh CSRF token (no fixation of either)
        if (request.getSession(false) != null) {
            request.changeSessionId();
        } else {
            request.getSession(true);
        }
        csrfTokens.saveToken(null, request, response);
        csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
        var context = holder.createEmptyContext();
        context.setAuthentication(login);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Me.of((TongbanUser) login.getPrincipal()));
    }

    @DeleteMapping(PATH)
    @Operation(summary = "Log out of the browser session (needs the CSRF token); bearer tokens use DELETE /auth/tokens/current")
    ResponseEntity<Void> logout(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        if (authentication instanceof AccessTokenAuthentication) {
            throw DomainException.of(DomainException.Kind.INVALID, "session-required");
        }
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        csrfTokens.saveToken(null, request, response);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(ME)
    @SecurityRequirements
    @Operation(summary = "Who is logged in: username, display name, roles and departments (session or bearer token); "
            + "204 without content when nobody is (the web UI asks on every page load)")
    ResponseEntity<Me> me(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof TongbanUser user) {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Me.of(user));
        }
        return ResponseEntity.noContent().build();
    }
}
