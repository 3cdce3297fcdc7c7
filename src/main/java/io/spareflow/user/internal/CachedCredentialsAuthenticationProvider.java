package io.spareflow.user.internal;

import io.spareflow.user.StaffUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Checks HTTP Basic and form credentials with BCrypt, then remembers a salted SHA-256 of a password that matched for
 * a few minutes. Scanners and API clients send credentials with every request; without this, each scan would pay a
 * BCrypt check (tens of milliseconds of CPU). The user is still looked up on every request ({@link KnownUsers}: as
 * changed on any node), and a changed password hash or a disabled user invalidates the remembered match at once.
 */
class CachedCredentialsAuthenticationProvider implements AuthenticationProvider {

    private record Remembered(byte[] digest, String passwordHash, Instant until) {
    }

    private final DaoAuthenticationProvider bcrypt;
    private final Function<String, Optional<StaffUser>> users;
    private final Duration ttl;
    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    CachedCredentialsAuthenticationProvider(DaoAuthenticationProvider bcrypt, Function<String, Optional<StaffUser>> users,
                                            Duration ttl, Clock clock) {
        this.bcrypt = bcrypt;
        this.users = users;
        this.ttl = ttl;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (username == null || !(credentials instanceof String password)) {
            return bcrypt.authenticate(authentication);
        }
        byte[] digest = digest(username, password);
        Remembered known = remembered.get(username);
        if (known != null && known.until().isAfter(clock.instant()) && MessageDigest.isEqual(known.digest(), digest)) {
            StaffUser user = users.apply(username).orElse(null);
            if (user != null && user.isEnabled() && user.passwordHash().equals(known.passwordHash())) {
                return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            }
            remembered.remove(username);
        }
        Authentication result = bcrypt.authenticate(authentication);
        if (result.getPrincipal() instanceof StaffUser user) {
            remembered.put(username, new Remembered(digest, user.passwordHash(), clock.instant().plus(ttl)));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private byte[] digest(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
