package io.spareflow.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The default profile's database: a real PostgreSQL 15 started in process (zonky), so a fresh machine needs no install.
 * The server is started on a thread of its own as soon as the bean definitions are read ({@link EmbeddedPostgresStart}),
 * so the main thread goes on creating beans instead of waiting for the postmaster; the first bean that needs the
 * database waits for it there, and a server that does not start still stops the start. The engine and the connection
 * pool depend on the {@code embeddedPostgres} bean, so Spring closes them before the database on shutdown.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spareflow.embedded-postgres.enabled", havingValue = "true")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    private static final String PROPERTIES_PREFIX = "spareflow.embedded-postgres";

    /** Bound from the environment by {@link #embeddedPostgresStart}: the server starts before any bean exists. */
    record EmbeddedPostgresProperties(boolean enabled, int port, String dataDirectory) {
    }

    @Bean
    static EmbeddedPostgresStart embeddedPostgresStart(Environment environment) {
        return new EmbeddedPostgresStart(() -> start(Binder.get(environment)
                .bindOrCreate(PROPERTIES_PREFIX, EmbeddedPostgresProperties.class)));
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresStart start) {
        return start.server();
    }

    static EmbeddedPostgres start(EmbeddedPostgresProperties properties) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                // Real data lives here across restarts: a commit is on disk when it returns (zonky's default for
                // tests is synchronous_commit=off). The test database alone trades this for speed.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "127.0.0.1");
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        if (properties.dataDirectory() != null && !properties.dataDirectory().isBlank()) {
            File dir = new File(properties.dataDirectory()).getAbsoluteFile();
            dir.getParentFile().mkdirs();
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        log.info("Embedded PostgreSQL listening on 127.0.0.1:{} (user postgres, database postgres){}", postgres.getPort(),
                properties.dataDirectory() == null || properties.dataDirectory().isBlank() ? ", temporary data"
                        : ", data in " + properties.dataDirectory());
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .password("postgres")
                .build();
        dataSource.setPoolName("spareflow");
        dataSource.setMaximumPoolSize(30);
        dataSource.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return dataSource;
    }
}
