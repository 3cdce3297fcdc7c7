package io.spareflow.board.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Row locks on boards ({@code SELECT … FOR UPDATE}), each taken once per transaction: a scan locks its board to check
 * it and then moves it, and the move locks it again, which was a second round trip for a lock already held. A board
 * locked earlier in the transaction is answered from memory only while the transaction's persistence context still
 * manages it: then the query would have returned that very instance (Hibernate keeps a managed entity's state) and
 * the row stays locked until the transaction ends. Anything else — another transaction's persistence context, a
 * cleared one, no transaction at all — is read with the query.
 */
@Component
public class LockedBoards {

    @PersistenceContext
    private EntityManager entityManager;
    private final BoardRepository repository;

    LockedBoards(BoardRepository repository) {
        this.repository = repository;
    }

    /** The board with this (normalized) serial, its row locked for the rest of the transaction; empty if none. */
    public Optional<BoardEntity> lock(String serial) {
        Map<String, BoardEntity> locked = lockedInThisTransaction();
        BoardEntity known = locked == null ? null : locked.get(serial);
        if (known != null && entityManager.contains(known)) {
            return Optional.of(known);
        }
        Optional<BoardEntity> board = repository.lockBySerial(serial);
        if (locked != null) {
            board.ifPresent(b -> locked.put(serial, b));
        }
        return board;
    }

    @SuppressWarnings("unchecked")
    private Map<String, BoardEntity> lockedInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<String, BoardEntity> locked = (Map<String, BoardEntity>) TransactionSynchronizationManager.getResource(this);
        if (locked == null) {
            Map<String, BoardEntity> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(LockedBoards.this);
                }
            });
            locked = fresh;
        }
        return locked;
    }
}
