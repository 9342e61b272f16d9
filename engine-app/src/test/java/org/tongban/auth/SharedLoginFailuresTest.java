package org.tongban.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.audit.AuditLog;
import org.tongban.cluster.SharedBuckets;
import org.tongban.identity.Directory;
import org.tongban.support.ApiTestBase;

/**
 * Issue 12: password guessing is held back across the cluster. Each node's exponential back-off is its own; the
 * account's failures an hour are counted in the database, so guesses spread over two nodes stop at the same number
 * as on one, and then even the right password waits, on both nodes.
 */
class SharedLoginFailuresTest extends ApiTestBase {

    @Autowired
    Directory directory;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    AuditLog audit;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    SharedBuckets shared;
    @Autowired
    AuthSettings settings;

    @Test
    void guessesSpreadOverTwoNodesStopAtTheClusterLimit() {
        // each node's own back-off out of the way, so only the shared count can stop the guesses
        var lenient = new AuthSettings.Login(1000, 1000, settings.login().baseDelay(), settings.login().maxDelay(),
                settings.login().forgetAfter(), 1000, 6);
        var config = new AuthSettings(false, settings.tokens(), lenient);
        var nodes = new PasswordLogin[] {new PasswordLogin(directory, passwords, config, audit, tx, shared),
                new PasswordLogin(directory, passwords, config, audit, tx, shared)};
        // a bucket keeps the size it was made with: start from none (other tests fail logins of this account too)
        jdbc.update("DELETE FROM tb_rate_limit_bucket WHERE bucket_key = 'login-failures zhoumin'");
        for (int i = 0; i < 6; i++) {
            var node = nodes[i % 2];
            var guess = UsernamePasswordAuthenticationToken.unauthenticated("ZhouMin", "guess-" + i); // case does not matter
            assertThatThrownBy(() -> node.authenticate(guess)).isInstanceOf(BadCredentialsException.class);
        }
        for (PasswordLogin node : nodes) {
            var right = UsernamePasswordAuthenticationToken.unauthenticated("zhoumin", PASSWORD);
            assertThatThrownBy(() -> node.authenticate(right)).isInstanceOf(LoginThrottledException.class)
                    .satisfies(e -> assertThat(((LoginThrottledException) e).retryAfterSeconds()).isBetween(1L, 3601L));
        }
        // another account is not held back
        assertThat(nodes[1].authenticate(UsernamePasswordAuthenticationToken.unauthenticated("zhaolei", PASSWORD)).isAuthenticated()).isTrue();
        jdbc.update("DELETE FROM tb_rate_limit_bucket WHERE bucket_key = 'login-failures zhoumin'"); // later tests log in as zhoumin
    }
}
