package io.spareflow.training;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every certification of a line and level valid today, made to have ended yesterday until closed, when each gets its
 * dates back: "nobody is certified" in the shared context, whose demo data certifies every line. The test JVM runs
 * one test at a time, so nothing else reads the rows meanwhile.
 */
final class SuspendedCertifications implements AutoCloseable {

    private record Row(long id, Date validFrom, Date validUntil) {
    }

    private final JdbcTemplate jdbc;
    private final List<Row> rows;

    private SuspendedCertifications(JdbcTemplate jdbc, List<Row> rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    static SuspendedCertifications of(JdbcTemplate jdbc, LocalDate today, String line, CertificationLevel level) {
        List<Row> rows = jdbc.query("""
                select id, valid_from, valid_until from certification
                where product_line = ? and level = ? and valid_from <= ? and valid_until >= ?""",
                (rs, i) -> new Row(rs.getLong(1), rs.getDate(2), rs.getDate(3)), line, level.name(), today, today);
        for (Row row : rows) {
            jdbc.update("update certification set valid_from = ?, valid_until = ? where id = ?",
                    Date.valueOf(today.minusDays(2)), Date.valueOf(today.minusDays(1)), row.id());
        }
        return new SuspendedCertifications(jdbc, rows);
    }

    @Override
    public void close() {
        for (Row row : rows) {
            jdbc.update("update certification set valid_from = ?, valid_until = ? where id = ?", row.validFrom(),
                    row.validUntil(), row.id());
        }
    }
}
