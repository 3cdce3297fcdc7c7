package io.spareflow.board.internal;

import io.spareflow.common.LockedRows;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Row locks on boards, each taken once per transaction ({@link LockedRows}): a scan locks its board to check it and
 * then moves it, and the move locks it again; a reservation claims an AVAILABLE board and then moves it.
 */
@Component
public class LockedBoards {

    @PersistenceContext
    private EntityManager entityManager;
    private final BoardRepository repository;
    private final LockedRows<String, BoardEntity> locked;

    LockedBoards(BoardRepository repository) {
        this.repository = repository;
        this.locked = new LockedRows<>(repository::lockBySerial, board -> entityManager.contains(board));
    }

    /** The board with this (normalized) serial, its row locked for the rest of the transaction; empty if none. */
    public Optional<BoardEntity> lock(String serial) {
        return locked.lock(serial);
    }

    /**
     * Locks the oldest AVAILABLE board of the part at the location that no other transaction holds locked (SKIP
     * LOCKED); empty when there is none. The move that follows in this transaction does not lock it again.
     */
    public Optional<BoardEntity> claimAvailable(String partNumber, String locationCode) {
        Optional<BoardEntity> claimed = repository.claimAvailable(partNumber, locationCode);
        claimed.ifPresent(board -> locked.locked(board.getSerial(), board));
        return claimed;
    }
}
