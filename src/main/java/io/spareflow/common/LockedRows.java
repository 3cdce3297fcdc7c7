package io.spareflow.common;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Row locks ({@code SELECT … FOR UPDATE}) taken once per transaction, by key: a request often locks the same row in
 * several steps (a scan checks a board and then moves it; each of a task's listeners locks its case), and each lock
 * after the first was a round trip for a lock already held. A row locked earlier in the transaction is answered from
 * memory only while the transaction's persistence context still holds what the lock left there ({@code managed}): the
 * entity itself (then the query would have returned that very instance: Hibernate keeps a managed entity's state), or
 * a reference to the row whose writers take it out of the context when they write the row. The row stays locked until
 * the transaction ends. Anything else — another transaction's persistence context, a cleared one, no transaction at
 * all — is read with the query.
 */
public final class LockedRows<K, E> {

    private final Function<K, Optional<E>> lockQuery;
    private final Predicate<E> managed;

    public LockedRows(Function<K, Optional<E>> lockQuery, Predicate<E> managed) {
        this.lockQuery = lockQuery;
        this.managed = managed;
    }

    /** The entity of this key, its row locked for the rest of the transaction; empty if there is none. */
    public Optional<E> lock(K key) {
        Optional<E> known = known(key);
        if (known.isPresent()) {
            return known;
        }
        Optional<E> row = lockQuery.apply(key);
        row.ifPresent(entity -> locked(key, entity));
        return row;
    }

    /**
     * Tells that this transaction has just locked the row of {@code entity} by another query — a
     * claim with {@code SKIP LOCKED} — so a later {@link #lock} of its key is answered from memory.
     */
    public void locked(K key, E entity) {
        Map<K, E> locked = lockedInThisTransaction();
        if (locked != null) {
            locked.put(key, entity);
        }
    }

    /**
     * The entity of this key if this transaction has locked its row and its persistence context still holds what the
     * lock left there ({@code managed}): what a read of the row in this transaction would return, without the read.
     */
    @SuppressWarnings("unchecked")
    public Optional<E> known(K key) {
        Map<K, E> locked = TransactionSynchronizationManager.isSynchronizationActive()
                ? (Map<K, E>) TransactionSynchronizationManager.getResource(this) : null;
        E entity = locked == null ? null : locked.get(key);
        return entity != null && managed.test(entity) ? Optional.of(entity) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private Map<K, E> lockedInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<K, E> locked = (Map<K, E>) TransactionSynchronizationManager.getResource(this);
        if (locked == null) {
            Map<K, E> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(LockedRows.this);
                }
            });
            locked = fresh;
        }
        return locked;
    }
}
