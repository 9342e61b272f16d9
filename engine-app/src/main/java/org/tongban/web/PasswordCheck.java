package org.tongban.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.tongban.auth.LoginThrottledException;
import org.tongban.shared.DomainException;
import org.tongban.shared.FieldProblem;

/** The JSON logins' password check (token and browser session): field problems, then one answer for any wrong login. */
final class PasswordCheck {

    private PasswordCheck() {
    }

    /** @throws LoginThrottledException too many failures: the caller answers 429 with Retry-After */
    static Authentication authenticate(AuthenticationManager passwords, String username, String password, HttpServletRequest request) {
        var missing = new ArrayList<FieldProblem>();
        if (username == null || username.isBlank()) {
            missing.add(FieldProblem.of("username", "required", "用户名", "Username"));
        }
        if (password == null || password.isEmpty()) {
            missing.add(FieldProblem.of("password", "required", "密码", "Password"));
        }
        if (!missing.isEmpty()) {
            throw DomainException.invalid(missing);
        }
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        attempt.setDetails(new WebAuthenticationDetails(request));
        try {
            return passwords.authenticate(attempt);
        } catch (LoginThrottledException throttled) {
            throw throttled;
        } catch (AuthenticationException e) {
            throw DomainException.of(DomainException.Kind.UNAUTHENTICATED, "invalid-credentials");
        }
    }
}
