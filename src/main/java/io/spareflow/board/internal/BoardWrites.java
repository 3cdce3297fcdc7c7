package io.spareflow.board.internal;

import io.spareflow.board.BoardInfo;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.MoveContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A board's moves and hand-offs (board_custody) as plain SQL in the mover's transaction: a move writes the board's
 * row and its hand-off in one statement, a registration its first hand-off. Custody rows are never changed once
 * written, so no entity is managed for them ({@link CustodyEntity} only reads them).
 */
@Component
public class BoardWrites {

    private static final String CUSTODY_COLUMNS = """
            board_custody (board_id, from_status, to_status, action, location_code, site_id, username, device, scan_id,
                           case_number, tracking_number, note, moved_at)""";

    @PersistenceContext
    private EntityManager entityManager;
    private final JdbcTemplate jdbc;

    BoardWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The first hand-off of a board just registered (and flushed) with this id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void registered(long boardId, BoardStatus status, String locationCode, Long siteId, MoveContext context, Instant at) {
        jdbc.update("insert into " + CUSTODY_COLUMNS + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                boardId, null, status.name(), context.action().name(), locationCode, siteId, context.username(),
                context.device(), context.scanId(), context.caseNumber(), context.trackingNumber(), context.note(), utc(at));
    }

    /**
     * Moves a board whose row this transaction has locked ({@link LockedBoards}) through the state machine's gate
     * ({@link BoardEntity#moveTo}, which refuses an illegal move), then writes its row and its hand-off in one
     * statement. Whatever the persistence context holds of the row (an entity read earlier, the lock's reference)
     * leaves it first: the row is written here, not by Hibernate, so a later read or lock in this transaction loads it
     * again. Returns the board as it now stands.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public BoardInfo move(BoardEntity board, BoardStatus target, String locationCode, Long siteId, MoveContext context,
                          Instant at) {
        entityManager.detach(entityManager.getReference(BoardEntity.class, board.getId()));
        BoardStatus from = board.getStatus();
        board.moveTo(target, locationCode, siteId, at);
        int written = jdbc.update("""
                with moved as (
                    update board set status = ?, location_code = ?, site_id = ?, updated_at = ?, version = version + 1
                    where id = ? and version = ?
                    returning id)
                insert into\s""" + CUSTODY_COLUMNS + " select id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from moved",
                target.name(), locationCode, siteId, utc(at), board.getId(), board.getVersion(),
                from.name(), target.name(), context.action().name(), locationCode, siteId, context.username(),
                context.device(), context.scanId(), context.caseNumber(), context.trackingNumber(), context.note(), utc(at));
        if (written != 1) {
            throw new OptimisticLockingFailureException("board " + board.getId() + " changed under its row lock");
        }
        board.written();
        return board.toInfo();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
