package io.spareflow.rma.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spareflow.SharedTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V100 on a database that holds one-board cases at every step: each case gets line 1 with its board, spare, return
 * flags and board clocks; the board columns leave rma_case; the KPI view still classifies the case by its board; and
 * the one-open-case-per-board rule now holds per line.
 */
class CaseLinesMigrationTest {

    private static final String DATABASE = "lines_migration";
    private static JdbcTemplate jdbc;
    private static Flyway flyway;

    @BeforeAll
    static void databaseAtTheLastVersionBeforeLines() throws SQLException {
        try (Connection connection = SharedTestDatabase.postgres().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        DataSource dataSource = new DriverManagerDataSource(SharedTestDatabase.postgres().getJdbcUrl("postgres", DATABASE),
                "postgres", "postgres");
        jdbc = new JdbcTemplate(dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("90").load().migrate();
        flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
    }

    @Test
    void everyCaseOfBeforeBecomesOneLineWithItsBoardSpareAndClocks() {
        jdbc.update("INSERT INTO location VALUES ('CTU', 'Chengdu depot', 'OFFICE_DEPOT', 'Chengdu', 'CN', 30.6, 104.1, "
                + "'Asia/Shanghai', 'ALWAYS', 60, TRUE)");
        jdbc.update("INSERT INTO part VALUES ('MIG-1', 'OPTICAL', 'migration board', 'A', NULL, TRUE, 7)");
        jdbc.update("INSERT INTO customer VALUES ('MIG', 'Migration customer', 'CN')");
        long site = jdbc.queryForObject("INSERT INTO customer_site (customer_code, name, city, country, latitude, longitude, "
                + "time_zone) VALUES ('MIG', 'Chengdu site', 'Chengdu', 'CN', 30.6, 104.1, 'Asia/Shanghai') RETURNING id", Long.class);
        long reported = oldCase("RMA-2026-000001", "REPORTED", "SN-REPORTED", null, site);
        long returning = oldCase("RMA-2026-000002", "AWAITING_RETURN", "SN-RETURNING", "SPARE-1", site);
        long closed = oldCase("RMA-2026-000003", "CLOSED", "SN-CLOSED", "SPARE-2", site);
        clock(returning, "ACCEPT", true);
        clock(returning, "SPARE_ON_SITE", true);
        clock(returning, "DEFECTIVE_RETURN", false);
        clock(closed, "REPAIR_TURNAROUND", true);

        flyway.migrate();

        List<Map<String, Object>> lines = jdbc.queryForList("SELECT c.number, l.line_no, l.serial, l.part_number, l.state, "
                + "l.spare_serial, l.spare_depot, l.spare_delivered_at IS NOT NULL AS delivered, l.charge_flag, l.ended_at IS NOT NULL AS ended "
                + "FROM case_line l JOIN rma_case c ON c.id = l.case_id ORDER BY c.number");
        assertThat(lines).extracting(l -> l.get("number") + " " + l.get("line_no") + " " + l.get("serial") + " " + l.get("state")
                        + " " + l.get("spare_serial") + " " + l.get("delivered") + " " + l.get("ended"))
                .containsExactly("RMA-2026-000001 1 SN-REPORTED NAMED null false false",
                        "RMA-2026-000002 1 SN-RETURNING AWAITING_RETURN SPARE-1 true false",
                        "RMA-2026-000003 1 SN-CLOSED FINISHED SPARE-2 false true");
        assertThat(lines.get(1).get("charge_flag")).isEqualTo(true);
        assertThat(jdbc.queryForList("SELECT k.step FROM case_line_clock k JOIN case_line l ON l.id = k.line_id "
                + "WHERE l.case_id = ? ORDER BY k.step", String.class, returning))
                .as("the board's clocks, not the case's acceptance").containsExactly("DEFECTIVE_RETURN", "SPARE_ON_SITE");
        assertThat(jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE table_name = 'rma_case'",
                String.class)).doesNotContain("faulty_serial", "part_number", "spare_serial", "backordered");
        assertThat(jdbc.queryForMap("SELECT faulty_serial, product_line, charge_flag FROM kpi_case WHERE id = ?", returning))
                .containsEntry("faulty_serial", "SN-RETURNING").containsEntry("product_line", "OPTICAL")
                .containsEntry("charge_flag", true);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM kpi_case WHERE id = ?", Long.class, reported)).isOne();

        long another = jdbc.queryForObject("INSERT INTO rma_case (number, tracking_token, customer_code, site_id, symptom, "
                + "channel, state, tier, responsible_location, reported_by, created_at) VALUES ('RMA-2026-000004', 'tok-4', "
                + "'MIG', ?, 'x', 'API', 'REPORTED', 'PLATINUM', 'CTU', 'test', now()) RETURNING id", Long.class, site);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO case_line (case_id, line_no, serial, part_number, state, created_at) "
                + "VALUES (?, 1, 'SN-RETURNING', 'MIG-1', 'NAMED', now())", another))
                .as("the board is on an open line").isInstanceOf(DataIntegrityViolationException.class);
        jdbc.update("INSERT INTO case_line (case_id, line_no, serial, part_number, state, created_at) "
                + "VALUES (?, 1, 'SN-CLOSED', 'MIG-1', 'NAMED', now())", another);
    }

    private static long oldCase(String number, String state, String serial, String spare, long site) {
        boolean closed = state.equals("CLOSED");
        return jdbc.queryForObject("INSERT INTO rma_case (number, tracking_token, customer_code, site_id, faulty_serial, "
                + "part_number, symptom, channel, state, tier, responsible_location, reported_by, spare_serial, spare_depot, "
                + "charge_flag, created_at, closed_at) VALUES (?, ?, 'MIG', ?, ?, 'MIG-1', 'no light', 'HOTLINE', ?, 'PLATINUM', "
                + "'CTU', 'agent', ?, ?, ?, now(), " + (closed ? "now()" : "NULL") + ") RETURNING id", Long.class,
                number, "tok-" + number, site, serial, state, spare, spare == null ? null : "CTU", state.equals("AWAITING_RETURN"));
    }

    private static void clock(long caseId, String step, boolean met) {
        jdbc.update("INSERT INTO case_sla_clock (case_id, step, started_at, due_at, met_at) VALUES (?, ?, now(), now(), "
                + (met ? "now()" : "NULL") + ")", caseId, step);
    }
}
