package io.spareflow.platform;

import io.spareflow.SharedTestDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A database of its own in the tests' PostgreSQL, migrated by Flyway only up to the schema of a release, so a test can
 * fill it the way that release wrote its data and then run every later migration over it — what an upgrade does to
 * a production database full of cases in flight. Dropped on {@link #close()}.
 */
final class ReleasedDatabase implements AutoCloseable {

    /** The application's migrations, as the service runs them (spring.flyway defaults). */
    private static final String MIGRATIONS = "classpath:db/migration";

    private final String name = "released_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    private ReleasedDatabase(String schemaVersion) {
        admin().execute("CREATE DATABASE " + name);
        dataSource = SharedTestDatabase.postgres().getDatabase("postgres", name);
        jdbc = new JdbcTemplate(dataSource);
        flyway(MigrationVersion.fromVersion(schemaVersion)).migrate();
    }

    /** A new database with the schema of a release: the migrations up to and including {@code schemaVersion}. */
    static ReleasedDatabase atSchema(String schemaVersion) {
        return new ReleasedDatabase(schemaVersion);
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Runs an SQL script from the test classpath (the rows a release wrote). */
    void load(String script) {
        new ResourceDatabasePopulator(new ClassPathResource(script)).execute(dataSource);
    }

    /** Every migration after the released schema, as the upgraded service runs them at its start. Answers how many ran. */
    int migrateToLatest() {
        return flyway(MigrationVersion.LATEST).migrate().migrationsExecuted;
    }

    String schemaVersion() {
        return flyway(MigrationVersion.LATEST).info().current().getVersion().getVersion();
    }

    /** The tables of the application in this database, each with its columns in order. */
    Map<String, List<String>> tables() {
        return tablesOf(jdbc);
    }

    /**
     * The tables Flyway's migrations made in a database, each with its columns in order: Flyway's history and the
     * engine's tables (which the engine makes itself) left out.
     */
    static Map<String, List<String>> tablesOf(JdbcTemplate jdbc) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        jdbc.query("""
                SELECT c.table_name, c.column_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> 'flyway_schema_history'
                  AND c.table_name NOT LIKE 'act\\_%'
                ORDER BY c.table_name, c.ordinal_position""",
                row -> {
                    tables.computeIfAbsent(row.getString(1), t -> new ArrayList<>()).add(row.getString(2));
                });
        return tables;
    }

    /** The rows of a table, only these columns, in a stable order (every column, as text). */
    List<Map<String, Object>> rows(String table, List<String> columns) {
        String list = String.join(", ", columns.stream().map(ReleasedDatabase::quoted).toList());
        String order = String.join(", ", columns.stream().map(c -> quoted(c) + "::text").toList());
        return jdbc.queryForList("SELECT " + list + " FROM " + quoted(table) + " ORDER BY " + order);
    }

    /** The primary-key columns of a table. */
    List<String> primaryKey(String table) {
        return jdbc.queryForList("""
                SELECT a.attname FROM pg_index i
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                WHERE i.indrelid = ?::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)""",
                String.class, table);
    }

    /** The rows of these tables, every column, for copying elsewhere. */
    Map<String, List<Map<String, Object>>> dump(List<String> tables) {
        Map<String, List<Map<String, Object>>> dump = new LinkedHashMap<>();
        tables.forEach(table -> dump.put(table, jdbc.queryForList("SELECT * FROM " + quoted(table))));
        return dump;
    }

    static String quoted(String identifier) {
        if (!identifier.matches("[a-z_][a-z0-9_]*") || Set.of("user", "order", "limit").contains(identifier.toLowerCase(Locale.ROOT))) {
            return "\"" + identifier.replace("\"", "\"\"") + "\"";
        }
        return identifier;
    }

    private Flyway flyway(MigrationVersion target) {
        return Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).target(target).load();
    }

    private static JdbcTemplate admin() {
        return new JdbcTemplate(SharedTestDatabase.postgres().getPostgresDatabase());
    }

    @Override
    public void close() {
        admin().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
}
