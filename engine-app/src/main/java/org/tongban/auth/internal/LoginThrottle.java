package org.tongban.auth.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.tongban.auth.AuthSettings;

/**
 * Exponential back-off after failed password logins, counted per account and per client address in this
 * node's memory (bounded, so an attacker cannot grow it). A try is counted as a failure before the
 * password is checked, so parallel guesses cannot all slip through before the first one fails; a right
 * password takes it back. Unknown usernames are counted exactly like known ones.
 */
public class LoginThrottle {

    private record Failures(int count, Instant waitUntil) {
    }

    private final AuthSettings.Login settings;
    private final Cache<String, Failures> accounts;
    private final Cache<String, Failures> addresses;

    public LoginThrottle(AuthSettings.Login settings) {
        this.settings = settings;
        this.accounts = Caffeine.newBuilder().maximumSize(settings.maxTracked()).expireAfterWrite(settings.forgetAfter()).build();
        this.addresses = Caffeine.newBuilder().maximumSize(settings.maxTracked()).expireAfterWrite(settings.forgetAfter()).build();
    }

    /** Zero when the try may go ahead (and is now counted), else how long this account or address must wait. */
    public Duration tryAcquire(String username, String address, Instant now) {
        Duration[] refused = {Duration.ZERO};
        addresses.asMap().compute(address, (k, f) -> counted(f, settings.addressFreeFailures(), now, refused));
        if (!refused[0].isZero()) {
            return refused[0];
        }
        accounts.asMap().compute(key(username), (k, f) -> counted(f, settings.accountFreeFailures(), now, refused));
        if (!refused[0].isZero()) {
            addresses.asMap().computeIfPresent(address, (k, f) -> new Failures(f.count() - 1, f.waitUntil()));
        }
        return refused[0];
    }

    /**
     * The password was wrong: a wait that is due starts now, when the client learns of the failure (not
     * when the try began). Returns the longer wait of account and address, zero if neither is held back.
     */
    public Duration failed(String username, String address, Instant now) {
        Duration account = remaining(accounts.asMap().computeIfPresent(key(username),
                (k, f) -> restamped(f, settings.accountFreeFailures(), now)), now);
        Duration client = remaining(addresses.asMap().computeIfPresent(address,
                (k, f) -> restamped(f, settings.addressFreeFailures(), now)), now);
        return account.compareTo(client) >= 0 ? account : client;
    }

    /** The right password: the account starts afresh; the address only gets this try back. */
    public void succeeded(String username, String address) {
        accounts.invalidate(key(username));
        addresses.asMap().computeIfPresent(address, (k, f) -> f.count() <= 1 ? null
                : new Failures(f.count() - 1, f.count() - 1 < settings.addressFreeFailures() ? Instant.MIN : f.waitUntil()));
    }

    private Failures counted(Failures previous, int free, Instant now, Duration[] refused) {
        Duration wait = remaining(previous, now);
        if (!wait.isZero()) {
            refused[0] = wait;
            return previous;
        }
        return restamped(new Failures(previous == null ? 1 : previous.count() + 1, Instant.MIN), free, now);
    }

    private Failures restamped(Failures failures, int free, Instant now) {
        if (failures.count() < free) {
            return failures;
        }
        Duration delay = settings.baseDelay().multipliedBy(1L << Math.min(failures.count() - free, 30));
        return new Failures(failures.count(), now.plus(delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay));
    }

    private static Duration remaining(Failures failures, Instant now) {
        return failures == null || !failures.waitUntil().isAfter(now) ? Duration.ZERO : Duration.between(now, failures.waitUntil());
    }

    /** Usernames compare case-insensitively in MariaDB: "ZhangWei" must not get a count of its own. */
    private static String key(String username) {
        String key = username.strip().toLowerCase(Locale.ROOT);
        return key.length() > 128 ? key.substring(0, 128) : key;
    }
}
