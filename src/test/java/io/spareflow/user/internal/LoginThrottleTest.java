package io.spareflow.user.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-03-01T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    final MovableClock clock = new MovableClock();
    final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(5), Duration.ofMinutes(15), Set.of("127.0.0.1"), clock);

    @Test
    void theFifthFailureLocksTheNameForFifteenMinutes() {
        for (int i = 1; i <= 4; i++) {
            assertThat(throttle.failed("Alice", "10.0.0." + i)).isFalse();
            assertThat(throttle.retryAfter("alice", "10.0.9.9")).isEmpty();
        }
        assertThat(throttle.failed("alice", "10.0.0.5")).isTrue();
        assertThat(throttle.retryAfter("ALICE", "10.0.9.9")).contains(Duration.ofMinutes(15));
        assertThat(throttle.retryAfter("bob", "10.0.9.9")).as("other users are not affected").isEmpty();
        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.retryAfter("alice", "10.0.9.9")).contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.retryAfter("alice", "10.0.9.9")).isEmpty();
    }

    @Test
    void failuresSpreadBeyondTheWindowDoNotLockAndASuccessClearsThem() {
        for (int i = 0; i < 8; i++) {
            assertThat(throttle.failed("carol", null)).as("failure %d", i).isFalse();
            clock.advance(Duration.ofMinutes(2));
        }
        for (int i = 0; i < 4; i++) {
            throttle.failed("dave", null);
        }
        throttle.succeeded("dave");
        assertThat(throttle.failed("dave", null)).isFalse();
        assertThat(throttle.retryAfter("dave", null)).isEmpty();
    }

    @Test
    void anAddressThatFailsForManyNamesIsLockedUnlessItIsTheLocalProxy() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("guess" + i, "203.0.113.7");
            throttle.failed("guess" + i, "127.0.0.1");
        }
        assertThat(throttle.retryAfter("erin", "203.0.113.7")).contains(Duration.ofMinutes(15));
        assertThat(throttle.retryAfter("erin", "198.51.100.1")).isEmpty();
        assertThat(throttle.retryAfter("erin", "127.0.0.1")).isEmpty();
    }
}
