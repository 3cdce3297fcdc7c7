package io.spareflow.board.internal;

import io.spareflow.common.LockedRows;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Row locks on boards, each taken once per transaction ({@link LockedRows}): a scan locks its board to check it and
 * then moves it, and the move locks it again.
 */
@Component
public class LockedBoards {

    @PersistenceContext
    private EntityManager entityManager;
    private final LockedRows<String, BoardEntity> locked;

    LockedBoards(BoardRepository repository) {
        this.locked = new LockedRows<>(repository::lockBySerial, board -> entityManager.contains(board));
    }

    /** The board with this (normalized) serial, its row locked for the rest of the transaction; empty if none. */
    public Optional<BoardEntity> lock(String serial) {
        return locked.lock(serial);
    }
}
