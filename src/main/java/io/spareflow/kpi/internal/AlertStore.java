package io.spareflow.kpi.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.spareflow.kpi.AlertDimension;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The kpi feature's own table of arrival alerts. */
@Component
class AlertStore {

    private static final RowMapper<AlertView> ROW = AlertStore::view;
    private static final String COLUMNS = "id, dimension, series, opened_at, since, observed, peak, baseline, upper_limit, last_checked_at, closed_at";

    private final JdbcTemplate jdbc;

    AlertStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<AlertView> open() {
        return jdbc.query("select " + COLUMNS + " from kpi_alert where closed_at is null order by opened_at desc, id desc", ROW);
    }

    /** Open alerts first, then the closed ones, newest first. */
    List<AlertView> recent(int limit) {
        return jdbc.query("select " + COLUMNS + " from kpi_alert order by closed_at is not null, opened_at desc, id desc limit ?",
                ROW, limit);
    }

    /** Opens an alert unless the series has one open already (another node may have been first); its id if opened. */
    Optional<Long> open(AlertDimension dimension, String series, Instant since, ArrivalControl.Assessment a, Instant now) {
        List<Long> id = jdbc.queryForList("""
                insert into kpi_alert (dimension, series, opened_at, since, observed, peak, baseline, upper_limit, last_checked_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (dimension, series) where closed_at is null do nothing
                returning id""", Long.class, dimension.name(), series, Timestamp.from(now), Timestamp.from(since),
                a.observed(), a.observed(), a.baseline(), a.upperLimit(), Timestamp.from(now));
        return id.stream().findFirst();
    }

    void update(long id, ArrivalControl.Assessment a, Instant now) {
        jdbc.update("update kpi_alert set observed = ?, peak = greatest(peak, ?), baseline = ?, upper_limit = ?, last_checked_at = ? where id = ?",
                a.observed(), a.observed(), a.baseline(), a.upperLimit(), Timestamp.from(now), id);
    }

    void close(long id, Instant now) {
        jdbc.update("update kpi_alert set closed_at = ?, last_checked_at = ? where id = ? and closed_at is null",
                Timestamp.from(now), Timestamp.from(now), id);
    }

    private static AlertView view(ResultSet rs, int row) throws SQLException {
        return new AlertView(rs.getLong("id"), AlertDimension.valueOf(rs.getString("dimension")), rs.getString("series"),
                rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("since").toInstant(), rs.getInt("observed"),
                rs.getInt("peak"), rs.getDouble("baseline"), rs.getInt("upper_limit"), rs.getTimestamp("last_checked_at").toInstant(),
                rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant());
    }

    /** An alert as the API shows it: open while {@code closedAt} is null. */
    record AlertView(long id, AlertDimension dimension, String series, Instant openedAt, Instant since, int observed, int peak,
                     double baseline, int upperLimit, Instant lastCheckedAt, Instant closedAt) {
        @JsonProperty("open")
        public boolean open() {
            return closedAt == null;
        }
    }
}
