package org.tongban.auth;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed logins for this account or client address: refused before the password is checked. */
public class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("login throttled");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least one: the value of the Retry-After header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
