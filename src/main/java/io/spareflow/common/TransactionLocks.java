package io.spareflow.common;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks on names rather than rows (PostgreSQL advisory locks held until the caller's transaction ends), for what has
 * no row to lock yet: a transaction that checks a value is free and then inserts it takes the lock first, so a
 * concurrent one waits, then sees the committed row instead of failing on the unique constraint. Works across nodes
 * that share the database.
 */
@Component
public class TransactionLocks {

    private final JdbcTemplate jdbc;

    TransactionLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits until no other transaction holds {@code key} in {@code namespace}, then holds it until this one ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(String namespace, String key) {
        // A hash collision of two names only makes them wait for each other, never lets two proceed at once.
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> null, namespace + ":" + key);
    }
}
