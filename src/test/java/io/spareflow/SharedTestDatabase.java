package io.spareflow;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real PostgreSQL per test JVM, shared by every Spring context the tests create (a context per configuration
 * would otherwise start its own). Stopped when the JVM exits.
 */
public class SharedTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final java.util.List<ConfigurableApplicationContext> CONTEXTS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static EmbeddedPostgres postgres;

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(false)
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off");
                if (Boolean.getBoolean("benchmark.pgStatStatements")) {
                    // ScanPostgresBenchmark: every statement counted, nested ones (foreign-key checks) too
                    builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                            .setServerConfig("pg_stat_statements.track", "all");
                }
                postgres = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Contexts first (engine, pools), then the database: the other order breaks Camunda's shutdown flush.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                CONTEXTS.forEach(ConfigurableApplicationContext::close);
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }

    public static String jdbcUrl() {
        return postgres().getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        CONTEXTS.add(context);
        TestPropertyValues.of(
                "spareflow.embedded-postgres.enabled=false",
                "spring.datasource.url=" + jdbcUrl(),
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres",
                "spring.datasource.hikari.maximum-pool-size=20"
        ).applyTo(context);
    }
}
