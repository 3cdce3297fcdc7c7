package io.spareflow.user.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spareflow.user.Role;
import io.spareflow.user.StaffUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class CachedCredentialsAuthenticationProviderTest {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final Map<String, StaffUser> store = new HashMap<>();
    private final MutableClock clock = new MutableClock();
    private final CachedCredentialsAuthenticationProvider provider = provider();

    @Test
    void aRepeatedCorrectPasswordIsCheckedWithBcryptOnlyOnce() {
        store.put("depot-CTU", user("depot-CTU", "demo", true));
        for (int i = 0; i < 5; i++) {
            assertThat(provider.authenticate(token("depot-CTU", "demo")).isAuthenticated()).isTrue();
        }
        assertThat(bcryptChecks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsNeverAcceptedFromTheCache() {
        store.put("agent", user("agent", "demo", true));
        provider.authenticate(token("agent", "demo"));
        assertThatThrownBy(() -> provider.authenticate(token("agent", "Demo"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(token("agent", ""))).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aChangedPasswordADisabledUserAndTimeEndTheRememberedMatch() {
        store.put("agent", user("agent", "demo", true));
        provider.authenticate(token("agent", "demo"));
        store.put("agent", user("agent", "new-secret", true));
        assertThatThrownBy(() -> provider.authenticate(token("agent", "demo"))).isInstanceOf(BadCredentialsException.class);

        store.put("tech", user("tech", "demo", true));
        provider.authenticate(token("tech", "demo"));
        store.put("tech", new StaffUser("tech", store.get("tech").passwordHash(), "T", "t@x", Role.TECHNICIAN, "RC-SZX",
                null, false, Locale.ENGLISH));
        assertThatThrownBy(() -> provider.authenticate(token("tech", "demo"))).isInstanceOf(RuntimeException.class);

        store.put("supervisor", user("supervisor", "demo", true));
        provider.authenticate(token("supervisor", "demo"));
        int checks = bcryptChecks.get();
        clock.advance(Duration.ofMinutes(6));
        provider.authenticate(token("supervisor", "demo"));
        assertThat(bcryptChecks.get()).isEqualTo(checks + 1);
    }

    private CachedCredentialsAuthenticationProvider provider() {
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return bcrypt.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                bcryptChecks.incrementAndGet();
                return bcrypt.matches(raw, encoded);
            }
        };
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(username -> Optional.ofNullable(store.get(username))
                .orElseThrow(() -> new org.springframework.security.core.userdetails.UsernameNotFoundException(username)));
        dao.setPasswordEncoder(counting);
        return new CachedCredentialsAuthenticationProvider(dao, name -> Optional.ofNullable(store.get(name)),
                Duration.ofMinutes(5), clock);
    }

    private StaffUser user(String name, String password, boolean enabled) {
        return new StaffUser(name, bcrypt.encode(password), name, name + "@spareflow.local", Role.AGENT, "SZX",
                null, enabled, Locale.ENGLISH);
    }

    private static UsernamePasswordAuthenticationToken token(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-24T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
