package org.tongban.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.auth.AccessTokenAuthentication;
import org.tongban.auth.AccessTokens;
import org.tongban.auth.ClientAddress;
import org.tongban.auth.IssuedToken;
import org.tongban.auth.LoginThrottledException;
import org.tongban.identity.TongbanUser;
import org.tongban.shared.DomainException;

/** API clients log in once for a bearer token, then send {@code Authorization: Bearer <token>}. */
@RestController
@RequestMapping(TokenController.PATH)
@Tag(name = "Authentication (登录令牌)")
class TokenController {

    static final String PATH = "/api/v1/auth/tokens";

    record TokenRequest(String username, String password) {
    }

    private final AuthenticationManager passwords;
    private final AccessTokens tokens;
    private final ProblemWriter problems;

    TokenController(AuthenticationManager passwords, AccessTokens tokens, ProblemWriter problems) {
        this.passwords = passwords;
        this.tokens = tokens;
        this.problems = problems;
    }

    @PostMapping
    @SecurityRequirements
    @Operation(summary = "Log in with username and password: a bearer token (shown once) and its expiry. "
            + "Wrong username or password: 401; too many failures: 429 with Retry-After")
    ResponseEntity<?> issue(@RequestBody TokenRequest body, HttpServletRequest request) {
        Authentication login;
        try {
            login = PasswordCheck.authenticate(passwords, body.username(), body.password(), request);
        } catch (LoginThrottledException e) {
            return problems.tooManyRequests(request, "login-throttled", e.retryAfterSeconds());
        }
        IssuedToken token = tokens.issue((TongbanUser) login.getPrincipal(), ClientAddress.of(request));
        return ResponseEntity.status(201).cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(token);
    }

    @DeleteMapping("/current")
    @Operation(summary = "Log out: revoke the bearer token this request carries")
    ResponseEntity<Void> revoke(Authentication authentication, HttpServletRequest request) {
        if (!(authentication instanceof AccessTokenAuthentication token)) {
            throw DomainException.of(DomainException.Kind.INVALID, "bearer-token-required");
        }
        tokens.revoke(token, ClientAddress.of(request));
        return ResponseEntity.noContent().build();
    }
}
