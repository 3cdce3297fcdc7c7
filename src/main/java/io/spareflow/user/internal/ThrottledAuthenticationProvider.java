package io.spareflow.user.internal;

import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The sign-in of both doors (form and HTTP Basic): refused while the {@link LoginThrottle} locks the name or the
 * address, otherwise checked by the delegate; a wrong password or an unknown name is counted and recorded in
 * {@code login_failure}.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle, JdbcTemplate jdbc, Clock clock) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        var locked = throttle.retryAfter(username, address);
        if (locked.isPresent()) {
            throw new LoginThrottledException(locked.get());
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.succeeded(username);
            return result;
        } catch (BadCredentialsException wrong) {
            boolean lockedNow = throttle.failed(username, address);
            String typed = username == null ? "" : username.length() > 100 ? username.substring(0, 100) : username;
            jdbc.update("INSERT INTO login_failure (at, username, address) VALUES (?, ?, ?)",
                    Timestamp.from(clock.instant()), typed, address);
            if (lockedNow) {
                log.warn("Sign-in locked after repeated failures: user name '{}', address {}", typed, address);
            }
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
