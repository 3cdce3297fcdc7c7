package io.spareflow.board;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spare stock as sourcing sees it: how many AVAILABLE boards of some parts each location holds (one aggregate query on
 * board_stock_idx), and row locks to claim one board without waiting for, or stealing, a board another transaction is
 * claiming. Status changes still go through {@link Boards#move}.
 */
@Service
public class Stock {

    private static final String BOARD_COLUMNS = "serial, part_number, revision, status, location_code, site_id, updated_at, version";

    private final JdbcTemplate jdbc;

    Stock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The count of AVAILABLE boards of one part at one location. */
    public record Level(String locationCode, String partNumber, long available) {
    }

    /** AVAILABLE boards of any of {@code partNumbers}, counted per location and part (locations without stock left out). */
    @Transactional(readOnly = true)
    public List<Level> availableByLocation(Collection<String> partNumbers) {
        if (partNumbers.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                        select location_code, part_number, count(*) from board
                        where part_number = any (?) and status = 'AVAILABLE' and location_code is not null
                        group by location_code, part_number""",
                (rs, i) -> new Level(rs.getString(1), rs.getString(2), rs.getLong(3)),
                (Object) partNumbers.toArray(String[]::new));
    }

    /**
     * Locks one AVAILABLE board at {@code locationCode}, trying the parts in the order given, skipping boards that
     * other transactions hold locked (so concurrent callers get different boards and never wait for each other).
     * Empty when the location has no unlocked AVAILABLE board of these parts. The lock lasts until the caller's
     * transaction ends; the caller then moves the board with {@link Boards#move}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<BoardInfo> claimAvailable(List<String> partNumbersInPreference, String locationCode) {
        for (String partNumber : partNumbersInPreference) {
            List<BoardInfo> claimed = jdbc.query("select " + BOARD_COLUMNS + """
                             from board
                            where part_number = ? and status = 'AVAILABLE' and location_code = ?
                            order by id limit 1
                            for update skip locked""",
                    Stock::board, partNumber, locationCode);
            if (!claimed.isEmpty()) {
                return Optional.of(claimed.get(0));
            }
        }
        return Optional.empty();
    }

    /** Locks a board (waiting for other holders) and reads it as it is now; empty when the serial is unknown. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<BoardInfo> lock(String serial) {
        return jdbc.query("select " + BOARD_COLUMNS + " from board where serial = ? for update", Stock::board,
                Serial.parse(serial).value()).stream().findFirst();
    }

    private static BoardInfo board(ResultSet rs, int row) throws SQLException {
        return new BoardInfo(rs.getString("serial"), rs.getString("part_number"), rs.getString("revision"),
                BoardStatus.valueOf(rs.getString("status")), rs.getString("location_code"),
                rs.getObject("site_id", Long.class), rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }
}
