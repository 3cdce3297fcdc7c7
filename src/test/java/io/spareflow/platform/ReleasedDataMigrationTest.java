package io.spareflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.SpareflowIntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The data migrations over cases in flight: a database migrated only up to the schema of the last release
 * ({@link #RELEASED_SCHEMA}), filled with what that release wrote for a case at every step ({@link #FIXTURE}), then
 * migrated to the latest schema as the upgraded service does at its start. No row is lost and no value of a released
 * column changes (unless a migration reshapes it on purpose, {@link #RESHAPED}), the schema is the one a fresh install
 * gets, and the service reads the migrated cases through its API.
 * <p>
 * A migration that reshapes case data adds its columns to {@link #RESHAPED} and a test of its own here that checks the
 * new shape of the fixture's cases on {@link #upgraded()} (docs/operations.md "Data migrations").
 */
@SpareflowIntegrationTest
class ReleasedDataMigrationTest {

    /** The last Flyway version of release 0.1.0. */
    static final String RELEASED_SCHEMA = "40";
    static final String FIXTURE = "db/released/0.1.0/cases-at-every-step.sql";
    static final int FIXTURE_CASES = 16;

    /**
     * Columns of released tables that a later migration changes on purpose (table → columns); a migration listed here
     * has its own test of the new values. Every other released column keeps every value.
     */
    static final Map<String, Set<String>> RESHAPED = Map.of(
            "app_user", Set.of("product_lines"), // V120/V121: a technician's product lines became training certifications
            // V100 (issue 18): a case's board moved to its line 1 (case_line), tested by everyCaseOfTheReleaseHasItsBoardAsLineOne.
            "rma_case", Set.of("faulty_serial", "part_number", "spare_serial", "spare_depot", "spare_distance_km",
                    "spare_expected_on_site", "spare_tracking_number", "backordered", "charge_flag", "wrong_board_returned"));

    /**
     * The tables a case's page reads, in the order their foreign keys allow copying them. Not the reservations: the
     * running service's backorder sweep would act on a copied backorder.
     */
    private static final List<String> CASE_DATA = List.of("part", "customer_site", "board", "board_custody",
            "rma_case", "case_line", "case_line_clock", "case_timeline", "case_sla_clock", "case_breach", "repair_order");

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate service;

    /** The fixture at the released schema, its tables and rows read, then migrated to the latest schema. */
    record Upgraded(ReleasedDatabase database, Map<String, List<String>> releasedTables,
                    Map<String, List<Map<String, Object>>> releasedRows, int migrations) implements AutoCloseable {
        @Override
        public void close() {
            database.close();
        }
    }

    static Upgraded upgraded() {
        ReleasedDatabase database = ReleasedDatabase.atSchema(RELEASED_SCHEMA);
        assertThat(database.schemaVersion()).isEqualTo(RELEASED_SCHEMA);
        database.load(FIXTURE);
        Map<String, List<String>> tables = database.tables();
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        tables.forEach((table, columns) -> rows.put(table, database.rows(table, kept(table, columns))));
        return new Upgraded(database, tables, rows, database.migrateToLatest());
    }

    @Test
    void everyReleasedRowKeepsItsValuesAndTheSchemaIsTheOneAFreshInstallGets() {
        try (Upgraded upgraded = upgraded()) {
            assertThat(upgraded.releasedRows().get("rma_case")).hasSize(FIXTURE_CASES);
            assertThat(upgraded.migrations()).as("migrations after the release").isPositive();
            ReleasedDatabase database = upgraded.database();
            assertThat(database.schemaVersion()).isEqualTo(service.queryForObject(
                    "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1", String.class));

            Map<String, List<String>> now = database.tables();
            upgraded.releasedTables().forEach((table, columns) -> {
                assertThat(now).as("released table " + table).containsKey(table);
                assertThat(now.get(table)).as("released columns of " + table).containsAll(kept(table, columns));
                assertThat(database.rows(table, kept(table, columns))).as("rows of " + table)
                        .isEqualTo(upgraded.releasedRows().get(table));
            });
            assertThat(now).as("an upgraded database has the tables and columns of a fresh one").isEqualTo(ReleasedDatabase.tablesOf(service));
        }
    }

    @Test
    void aTechniciansProductLinesBecameTheirCertifications() {
        try (Upgraded upgraded = upgraded()) {
            assertThat(upgraded.database().jdbc().queryForList(
                    "SELECT username || ':' || product_line || ':' || level FROM certification ORDER BY 1", String.class))
                    .containsExactly("tech-RC-SZX:OPTICAL:L2");
        }
    }

    @Test
    void everyCaseOfTheReleaseHasItsBoardAsLineOne() {
        try (Upgraded upgraded = upgraded()) {
            List<Map<String, Object>> released = upgraded.releasedRows().get("rma_case");
            Map<Object, Map<String, Object>> lines = new LinkedHashMap<>();
            upgraded.database().jdbc().queryForList("SELECT case_id, line_no, serial, spare_serial, state FROM case_line")
                    .forEach(line -> lines.put(line.get("case_id"), line));
            assertThat(lines).hasSize(FIXTURE_CASES);
            ReleasedDatabase before = ReleasedDatabase.atSchema(RELEASED_SCHEMA);
            try {
                before.load(FIXTURE);
                for (Map<String, Object> row : before.jdbc().queryForList("SELECT id, faulty_serial, spare_serial, state FROM rma_case")) {
                    Map<String, Object> line = lines.get(row.get("id"));
                    assertThat(line).as("line of case " + row.get("id")).isNotNull();
                    assertThat(line.get("line_no")).isEqualTo(1);
                    assertThat(line.get("serial")).isEqualTo(row.get("faulty_serial"));
                    assertThat(line.get("spare_serial")).isEqualTo(row.get("spare_serial"));
                    assertThat(line.get("state").equals("FINISHED")).as("line state of a " + row.get("state") + " case")
                            .isEqualTo(row.get("state").equals("CLOSED") || row.get("state").equals("RESOLVED"));
                }
            } finally {
                before.close();
            }
            assertThat(released).hasSize(FIXTURE_CASES);
        }
    }

    @Test
    void theServiceReadsTheMigratedCasesAsTheReleaseLeftThem() throws Exception {
        try (Upgraded upgraded = upgraded()) {
            ReleasedDatabase database = upgraded.database();
            List<Map<String, Object>> cases = database.jdbc().queryForList("SELECT id, number, state FROM rma_case ORDER BY id");
            assertThat(cases).hasSize(FIXTURE_CASES);
            List<Runnable> undo = new ArrayList<>();
            try {
                copyIntoTheService(database, undo);
                for (Map<String, Object> row : cases) {
                    long id = ((Number) row.get("id")).longValue();
                    String number = row.get("number").toString();
                    ResponseEntity<String> read = http.withBasicAuth("supervisor", "demo").getForEntity("/api/cases/" + number, String.class);
                    assertThat(read.getStatusCode()).as(number + ": " + read.getBody()).isEqualTo(HttpStatus.OK);
                    JsonNode view = json.readTree(read.getBody());
                    assertThat(view.get("state").asText()).as(number).isEqualTo(row.get("state"));
                    assertThat(kinds(view.get("timeline"))).as(number + " timeline").isEqualTo(database.jdbc().queryForList(
                            "SELECT kind FROM case_timeline WHERE case_id = ? ORDER BY at, id", String.class, id));
                    assertThat(clocks(view.get("slaClocks"))).as(number + " clocks").isEqualTo(dueDates(database,
                            "SELECT step, due_at FROM case_sla_clock WHERE case_id = ?", id));
                    assertThat(breaches(view.get("breaches"))).as(number + " breaches").isEqualTo(dueDates(database,
                            "SELECT step, limit_at FROM case_breach WHERE case_id = ?", id));
                    Integer repairs = database.jdbc().queryForObject("SELECT count(*) FROM repair_order WHERE case_number = ?", Integer.class, number);
                    assertThat(view.path("repair").isNull()).as(number + " repair order").isEqualTo(repairs == 0);
                }
            } finally {
                for (int i = undo.size() - 1; i >= 0; i--) {
                    undo.get(i).run();
                }
            }
        }
    }

    /**
     * Copies the migrated case data next to the service's own: the fixture's cases, boards, part and site have ids and
     * codes of their own (a clash fails the copy); the network, customers and users they refer to are the demo's. Values a sequence gives other than
     * a key (a part's item reference) are given by the service's database. Adds how to remove each copied row to
     * {@code undo}.
     */
    private void copyIntoTheService(ReleasedDatabase database, List<Runnable> undo) {
        database.dump(CASE_DATA).forEach((table, rows) -> {
            List<String> key = database.primaryKey(table);
            Set<String> generated = new HashSet<>(database.jdbc().queryForList("""
                    SELECT column_name FROM information_schema.columns
                    WHERE table_schema = 'public' AND table_name = ? AND column_default LIKE 'nextval(%'""", String.class, table));
            generated.removeAll(key);
            for (Map<String, Object> row : rows) {
                List<String> columns = row.keySet().stream().filter(c -> !generated.contains(c)).toList();
                service.update("INSERT INTO " + ReleasedDatabase.quoted(table) + " ("
                        + columns.stream().map(ReleasedDatabase::quoted).collect(Collectors.joining(", ")) + ") VALUES ("
                        + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")",
                        columns.stream().map(row::get).toArray());
                Object[] keyValues = key.stream().map(row::get).toArray();
                String where = key.stream().map(c -> ReleasedDatabase.quoted(c) + " = ?").collect(Collectors.joining(" AND "));
                undo.add(() -> service.update("DELETE FROM " + ReleasedDatabase.quoted(table) + " WHERE " + where, keyValues));
            }
        });
    }

    private static List<String> kept(String table, List<String> columns) {
        Set<String> reshaped = RESHAPED.getOrDefault(table, Set.of());
        return columns.stream().filter(c -> !reshaped.contains(c)).toList();
    }

    private static Map<String, Instant> dueDates(ReleasedDatabase database, String sql, long caseId) {
        Map<String, Instant> due = new LinkedHashMap<>();
        database.jdbc().query(sql, row -> {
            due.put(row.getString(1), ((Timestamp) row.getTimestamp(2)).toInstant());
        }, caseId);
        return due;
    }

    private static List<String> kinds(JsonNode timeline) {
        return StreamSupport.stream(timeline.spliterator(), false).map(e -> e.get("kind").asText()).toList();
    }

    private static Map<String, Instant> clocks(JsonNode clocks) {
        return StreamSupport.stream(clocks.spliterator(), false).collect(Collectors.toMap(c -> c.get("step").asText(),
                c -> Instant.parse(c.get("dueAt").asText())));
    }

    private static Map<String, Instant> breaches(JsonNode breaches) {
        return StreamSupport.stream(breaches.spliterator(), false).collect(Collectors.toMap(b -> b.get("step").asText(),
                b -> Instant.parse(b.get("limitAt").asText())));
    }
}
