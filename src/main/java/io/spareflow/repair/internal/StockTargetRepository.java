package io.spareflow.repair.internal;

import io.spareflow.repair.StockTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Explicit stock targets of one part, by depot. */
@Repository
public class StockTargetRepository {

    private final JdbcTemplate jdbc;

    StockTargetRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Integer> targetsFor(String partNumber) {
        Map<String, Integer> targets = new HashMap<>();
        jdbc.query("SELECT location_code, target FROM stock_target WHERE part_number = ?",
                rs -> {
                    targets.put(rs.getString(1), rs.getInt(2));
                }, partNumber);
        return targets;
    }

    public void save(String locationCode, String partNumber, int target) {
        jdbc.update("INSERT INTO stock_target (location_code, part_number, target) VALUES (?, ?, ?) "
                + "ON CONFLICT (location_code, part_number) DO UPDATE SET target = EXCLUDED.target", locationCode, partNumber, target);
    }

    /** Explicit targets, of one depot and/or one part when given, by depot and part. */
    public List<StockTarget> find(String locationCode, String partNumber) {
        StringBuilder sql = new StringBuilder("SELECT location_code, part_number, target FROM stock_target WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (locationCode != null) {
            sql.append(" AND location_code = ?");
            args.add(locationCode);
        }
        if (partNumber != null) {
            sql.append(" AND part_number = ?");
            args.add(partNumber);
        }
        sql.append(" ORDER BY location_code, part_number");
        return jdbc.query(sql.toString(), (rs, i) -> new StockTarget(rs.getString(1), rs.getString(2), rs.getInt(3)), args.toArray());
    }
}
