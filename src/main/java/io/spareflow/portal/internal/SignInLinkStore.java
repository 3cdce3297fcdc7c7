package io.spareflow.portal.internal;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The sign-in links' table: only SHA-256 hashes of the tokens, each link consumed at most once. */
@Repository
class SignInLinkStore {

    private final JdbcTemplate jdbc;

    SignInLinkStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void save(String tokenHash, long contactId, Instant createdAt, Instant expiresAt) {
        jdbc.update("INSERT INTO portal_sign_in_link (token_hash, contact_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                tokenHash, contactId, java.sql.Timestamp.from(createdAt), java.sql.Timestamp.from(expiresAt));
    }

    /**
     * Marks the link used and returns its contact, if it is unused and unexpired — in one statement, so two requests
     * with the same link cannot both succeed.
     */
    Optional<Long> consume(String tokenHash, Instant now) {
        return jdbc.query("""
                UPDATE portal_sign_in_link SET used_at = ?
                WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
                RETURNING contact_id""", (rs, i) -> rs.getLong(1),
                java.sql.Timestamp.from(now), tokenHash, java.sql.Timestamp.from(now)).stream().findFirst();
    }

    int deleteExpiredBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM portal_sign_in_link WHERE expires_at < ?", java.sql.Timestamp.from(cutoff));
    }
}
