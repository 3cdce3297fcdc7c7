package io.spareflow.board.internal;

import io.spareflow.board.BoardStatus;
import io.spareflow.board.MoveContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the hand-offs of boards (board_custody), one plain insert each in the mover's transaction: custody rows are
 * never changed once written, so no entity needs to be managed for them ({@link CustodyEntity} only reads them).
 */
@Component
public class CustodyLog {

    private final JdbcTemplate jdbc;

    CustodyLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The board with this id went from {@code from} (null when it was registered) to {@code to}, at {@code at}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long boardId, BoardStatus from, BoardStatus to, String locationCode, Long siteId, MoveContext context,
                       Instant at) {
        jdbc.update("""
                        insert into board_custody (board_id, from_status, to_status, action, location_code, site_id, username,
                                                   device, scan_id, case_number, tracking_number, note, moved_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                boardId, from == null ? null : from.name(), to.name(), context.action().name(), locationCode, siteId,
                context.username(), context.device(), context.scanId(), context.caseNumber(), context.trackingNumber(),
                context.note(), OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }
}
