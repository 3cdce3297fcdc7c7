package io.spareflow.repair.internal;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Explicit stock targets of one part, by depot. */
@Repository
class StockTargetRepository {

    private final JdbcTemplate jdbc;

    StockTargetRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Integer> targetsFor(String partNumber) {
        Map<String, Integer> targets = new HashMap<>();
        jdbc.query("SELECT location_code, target FROM stock_target WHERE part_number = ?",
                rs -> {
                    targets.put(rs.getString(1), rs.getInt(2));
                }, partNumber);
        return targets;
    }

    void save(String locationCode, String partNumber, int target) {
        jdbc.update("INSERT INTO stock_target (location_code, part_number, target) VALUES (?, ?, ?) "
                + "ON CONFLICT (location_code, part_number) DO UPDATE SET target = EXCLUDED.target", locationCode, partNumber, target);
    }
}
