package org.tongban.auth.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.tongban.auth.AuthSettings;

/**
 * Exponential back-off after failed password logins, per account and per client address, in this node's
 * memory (bounded, so an attacker cannot grow it). Unknown usernames are counted exactly like known ones.
 * Per account, no more tries may be in flight than failures are still free (one once a wait is over):
 * further tries queue behind them, so parallel guesses cannot all slip through before the first one fails, while a
 * script's parallel requests with the right password are merely queued.
 */
public class LoginThrottle {

    /** Longest a try queues behind the account's tries in flight, and how many may queue. */
    private static final Duration MAX_QUEUED = Duration.ofSeconds(2);
    private static final int MAX_QUEUE = 32;

    /** One account's or address's record; its monitor guards the fields. */
    private static final class Tries {
        int failures;
        int inFlight;
        int queued;
        Instant waitUntil = Instant.MIN;

        Duration remaining(Instant now) {
            return waitUntil.isAfter(now) ? Duration.between(now, waitUntil) : Duration.ZERO;
        }
    }

    private final AuthSettings.Login settings;
    private final Cache<String, Tries> accounts;
    private final Cache<String, Tries> addresses;

    public LoginThrottle(AuthSettings.Login settings) {
        this.settings = settings;
        this.accounts = Caffeine.newBuilder().maximumSize(settings.maxTracked()).expireAfterAccess(settings.forgetAfter()).build();
        this.addresses = Caffeine.newBuilder().maximumSize(settings.maxTracked()).expireAfterAccess(settings.forgetAfter()).build();
    }

    /**
     * Zero when the try may go ahead (then end it with {@link #succeeded}, {@link #failed} or
     * {@link #abandoned}), else how long this account or address must wait.
     */
    public Duration tryAcquire(String username, String address) {
        Tries client = addresses.get(address, k -> new Tries());
        synchronized (client) {
            Duration wait = client.remaining(Instant.now());
            if (!wait.isZero()) {
                return wait;
            }
        }
        Tries account = accounts.get(key(username), k -> new Tries());
        synchronized (account) {
            long deadline = System.nanoTime() + MAX_QUEUED.toNanos();
            while (true) {
                Duration wait = account.remaining(Instant.now());
                if (!wait.isZero()) {
                    return wait;
                }
                // past a wait, one try at a time: its failure starts the next, longer wait
                if (account.inFlight < Math.max(1, settings.accountFreeFailures() - account.failures)) {
                    account.inFlight++;
                    return Duration.ZERO;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || account.queued >= MAX_QUEUE) {
                    return settings.baseDelay();
                }
                account.queued++;
                try {
                    TimeUnit.NANOSECONDS.timedWait(account, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return settings.baseDelay();
                } finally {
                    account.queued--;
                }
            }
        }
    }

    /** The right password: the account starts afresh; the address keeps its count (a valid login must not launder guesses). */
    public void succeeded(String username) {
        end(username, account -> {
            account.failures = 0;
            account.waitUntil = Instant.MIN;
        });
    }

    /** The try ended without an answer (e.g. the database failed): it frees its place and counts nothing. */
    public void abandoned(String username) {
        end(username, account -> { });
    }

    /**
     * A wrong password: counts for the account and the address; a wait that is due starts now, when the
     * client learns of the failure. Returns the longer wait, zero if neither is held back.
     */
    public Duration failed(String username, String address) {
        Instant now = Instant.now();
        Duration[] account = {Duration.ZERO};
        end(username, tries -> account[0] = counted(tries, settings.accountFreeFailures(), now));
        Tries client = addresses.get(address, k -> new Tries());
        Duration wait;
        synchronized (client) {
            wait = counted(client, settings.addressFreeFailures(), now);
        }
        return wait.compareTo(account[0]) >= 0 ? wait : account[0];
    }

    private void end(String username, java.util.function.Consumer<Tries> outcome) {
        Tries account = accounts.get(key(username), k -> new Tries());
        synchronized (account) {
            account.inFlight = Math.max(0, account.inFlight - 1);
            outcome.accept(account);
            account.notifyAll();
        }
    }

    private Duration counted(Tries tries, int free, Instant now) {
        tries.failures++;
        if (tries.failures >= free) {
            Duration delay = settings.baseDelay().multipliedBy(1L << Math.min(tries.failures - free, 30));
            tries.waitUntil = now.plus(delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay);
        }
        return tries.remaining(now);
    }

    /** Usernames compare case-insensitively in MariaDB: "ZhangWei" must not get a count of its own. */
    private static String key(String username) {
        String key = username.strip().toLowerCase(Locale.ROOT);
        return key.length() > 128 ? key.substring(0, 128) : key;
    }
}
