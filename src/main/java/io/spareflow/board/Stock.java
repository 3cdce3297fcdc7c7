package io.spareflow.board;

import io.spareflow.board.internal.BoardEntity;
import io.spareflow.board.internal.LockedBoards;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spare stock as sourcing sees it: how many AVAILABLE boards of some parts each location holds (the board_stock summary,
 * one row per part and location, kept equal to the boards by triggers in the transaction of every board write — see
 * V150), and row locks to claim one board without waiting for, or stealing, a board another transaction is claiming.
 * Status changes still go through {@link Boards#move}; a known board is locked with {@link Boards#lock}.
 */
@Service
public class Stock {

    private final JdbcTemplate jdbc;
    private final LockedBoards lockedBoards;

    Stock(JdbcTemplate jdbc, LockedBoards lockedBoards) {
        this.jdbc = jdbc;
        this.lockedBoards = lockedBoards;
    }

    /** The count of AVAILABLE boards of one part at one location. */
    public record Level(String locationCode, String partNumber, long available) {
    }

    /** A (part, location) whose summary counter differs from its AVAILABLE boards. */
    public record Drift(String partNumber, String locationCode, long summaryAvailable, long boardAvailable) {
    }

    /**
     * AVAILABLE boards of any of {@code partNumbers}, per location and part (locations without stock left out): one
     * summary row per part and location, whatever the number of boards. One statement, so no transaction of its own
     * (a quote makes none: beginning one cost more than the read).
     */
    public List<Level> availableByLocation(Collection<String> partNumbers) {
        if (partNumbers.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                        select location_code, part_number, available from board_stock
                        where part_number = any (?) and available > 0""",
                (rs, i) -> new Level(rs.getString(1), rs.getString(2), rs.getLong(3)),
                (Object) partNumbers.toArray(String[]::new));
    }

    /**
     * The audit of the summary: every part and location whose counter differs from a count of the boards themselves
     * (the view board_stock_drift, which operators can query too). Empty when the summary is right. Reads every
     * AVAILABLE board: for audits and tests, not for requests.
     */
    @Transactional(readOnly = true)
    public List<Drift> drift() {
        return jdbc.query("select part_number, location_code, summary_available, board_available from board_stock_drift"
                        + " order by part_number, location_code",
                (rs, i) -> new Drift(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
    }

    /**
     * Locks one AVAILABLE board at {@code locationCode}, trying the parts in the order given, skipping boards that
     * other transactions hold locked (so concurrent callers get different boards and never wait for each other).
     * Empty when the location has no unlocked AVAILABLE board of these parts. The lock lasts until the caller's
     * transaction ends; the caller then moves the board with {@link Boards#move}, which does not lock it again.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<BoardInfo> claimAvailable(List<String> partNumbersInPreference, String locationCode) {
        for (String partNumber : partNumbersInPreference) {
            Optional<BoardEntity> claimed = lockedBoards.claimAvailable(partNumber, locationCode);
            if (claimed.isPresent()) {
                return claimed.map(BoardEntity::toInfo);
            }
        }
        return Optional.empty();
    }
}
