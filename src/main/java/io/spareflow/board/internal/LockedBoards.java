package io.spareflow.board.internal;

import io.spareflow.board.BoardStatus;
import io.spareflow.common.LockedRows;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Row locks on boards, each taken once per transaction ({@link LockedRows}): a scan locks its board to check it and
 * then moves it, and the move locks it again; a reservation claims an AVAILABLE board and then moves it.
 *
 * <p>The lock is plain SQL and the board it returns is not managed by Hibernate (a JPQL lock through the repository,
 * its query plan and the entity's hydration were a quarter of a scan's JVM CPU): the moves write the row in SQL too
 * ({@link BoardWrites#move}). What the transaction's persistence context holds instead is a reference to the row
 * ({@link EntityManager#getReference}, no query): while it is there, a second lock of the board is answered from
 * memory; once the context is cleared or the board's entity detached (a move, a data fix followed by a clear), the
 * row is read again.
 */
@Component
public class LockedBoards {

    private static final String COLUMNS = "id, serial, part_number, revision, status, location_code, site_id, updated_at, version";

    @PersistenceContext
    private EntityManager entityManager;
    private final JdbcTemplate jdbc;
    private final LockedRows<String, Locked> locked;

    LockedBoards(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.locked = new LockedRows<>(this::lockBySerial, board -> entityManager.contains(board.reference()));
    }

    /** The board with this (normalized) serial, its row locked for the rest of the transaction; empty if none. */
    public Optional<BoardEntity> lock(String serial) {
        return locked.lock(serial).map(Locked::board);
    }

    /**
     * Locks the oldest AVAILABLE board of the part at the location that no other transaction holds locked (SKIP
     * LOCKED, in id order from board_available_claim_idx, V151: concurrent claims get different boards and never
     * wait); empty when there is none. The move that follows in this transaction does not lock it again.
     */
    public Optional<BoardEntity> claimAvailable(String partNumber, String locationCode) {
        Optional<Locked> claimed = locked(jdbc.query("select " + COLUMNS + """
                 from board where part_number = ? and status = 'AVAILABLE' and location_code = ?
                order by id limit 1 for update skip locked""", LockedBoards::board, partNumber, locationCode).stream().findFirst());
        claimed.ifPresent(board -> locked.locked(board.board().getSerial(), board));
        return claimed.map(Locked::board);
    }

    /** Row lock: concurrent moves of one board are serialized, so both cannot succeed from the same state. */
    private Optional<Locked> lockBySerial(String serial) {
        return locked(jdbc.query("select " + COLUMNS + " from board where serial = ? for no key update",
                LockedBoards::board, serial).stream().findFirst());
    }

    private Optional<Locked> locked(Optional<BoardEntity> board) {
        return board.map(row -> new Locked(row, entityManager.getReference(BoardEntity.class, row.getId())));
    }

    private static BoardEntity board(ResultSet row, int number) throws SQLException {
        return new BoardEntity(row.getLong("id"), row.getString("serial"), row.getString("part_number"),
                row.getString("revision"), BoardStatus.valueOf(row.getString("status")), row.getString("location_code"),
                row.getObject("site_id", Long.class), row.getObject("updated_at", OffsetDateTime.class).toInstant(),
                row.getLong("version"));
    }

    /** A board read with its row lock, and the persistence context's reference to its row. */
    private record Locked(BoardEntity board, Object reference) {
    }
}
