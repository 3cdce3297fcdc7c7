package io.spareflow.user.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Failed sign-ins per user name and per address, in memory (Bucket4j): each failure takes a token from the name's and
 * the address's bucket of {@code failures}, refilled over {@code window}; the failure that empties a bucket locks
 * that name or address for {@code lockout}. The check on every request is two map look-ups: scanners sending HTTP
 * Basic with each scan do not pay for it. Counts are per node. Addresses in {@code unthrottledAddresses} (by default
 * the loopback addresses: a reverse proxy on the same host, through which every user comes) are not locked, their
 * user names still are.
 */
class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final long failures;
    private final Duration window;
    private final Duration lockout;
    private final Set<String> unthrottledAddresses;
    private final Clock clock;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

    LoginThrottle(int failures, Duration window, Duration lockout, Set<String> unthrottledAddresses, Clock clock) {
        this.failures = failures;
        this.unthrottledAddresses = Set.copyOf(unthrottledAddresses);
        this.window = window;
        this.lockout = lockout;
        this.clock = clock;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** How long attempts for this name or from this address are still refused; empty when they are not. */
    Optional<Duration> retryAfter(String username, String address) {
        Instant now = clock.instant();
        return keys(username, address).map(lockedUntil::get)
                .filter(until -> until != null && until.isAfter(now))
                .max(Instant::compareTo).map(until -> Duration.between(now, until));
    }

    /** Counts a failed attempt; returns true when it locked the name or the address. */
    boolean failed(String username, String address) {
        if (buckets.size() > MAX_TRACKED) {
            forgetIdle();
        }
        Instant now = clock.instant();
        boolean locked = false;
        for (String key : keys(username, address).toList()) {
            Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder().withCustomTimePrecision(time)
                    .addLimit(Bandwidth.builder().capacity(failures).refillGreedy(failures, window).build()).build());
            if (bucket.tryConsumeAndReturnRemaining(1).getRemainingTokens() == 0) {
                lockedUntil.put(key, now.plus(lockout));
                buckets.remove(key);
                locked = true;
            }
        }
        return locked;
    }

    /** A successful sign-in clears the name's failures (not the address's: others may be guessing from there). */
    void succeeded(String username) {
        buckets.remove(userKey(username));
    }

    private Stream<String> keys(String username, String address) {
        return address == null || unthrottledAddresses.contains(address) ? Stream.of(userKey(username))
                : Stream.of(userKey(username), "address:" + address);
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    private void forgetIdle() {
        Instant now = clock.instant();
        lockedUntil.values().removeIf(until -> !until.isAfter(now));
        buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= failures);
    }
}
