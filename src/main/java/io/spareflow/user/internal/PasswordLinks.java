package io.spareflow.user.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One-time password links: a 256-bit random token goes into the mailed link, only its SHA-256 is stored. A link is
 * used at most once (the update that uses it is conditional), and a newer link cancels the older ones of the user.
 */
@Component
public class PasswordLinks {

    /** A new link's token (only in the mail) and its stored hash. */
    public record Issued(String token, String hash) {
    }

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    PasswordLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Issued issue(String username, Instant now, Instant expiresAt) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash = hash(token);
        jdbc.update("UPDATE password_reset_token SET used_at = ? WHERE username = ? AND used_at IS NULL",
                Timestamp.from(now), username);
        jdbc.update("INSERT INTO password_reset_token (token_hash, username, created_at, expires_at) VALUES (?, ?, ?, ?)",
                hash, username, Timestamp.from(now), Timestamp.from(expiresAt));
        return new Issued(token, hash);
    }

    /** The user a valid (unused, unexpired) link belongs to. */
    public Optional<String> holder(String token, Instant now) {
        List<String> users = jdbc.queryForList("""
                SELECT username FROM password_reset_token WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?""",
                String.class, hash(token), Timestamp.from(now));
        return users.stream().findFirst();
    }

    /** Uses a valid link: returns its user, or empty when it is unknown, used or expired (also by a concurrent use). */
    public Optional<String> use(String token, Instant now) {
        List<String> users = jdbc.queryForList("""
                UPDATE password_reset_token SET used_at = ?
                WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING username""",
                String.class, Timestamp.from(now), hash(token), Timestamp.from(now));
        return users.stream().findFirst();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((token == null ? "" : token).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
