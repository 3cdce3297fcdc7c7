package io.spareflow.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default profile's database: a real PostgreSQL 15 started in process (zonky), so a fresh machine needs no install.
 * The engine and the connection pool depend on this bean, so Spring closes them before the database on shutdown.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spareflow.embedded-postgres.enabled", havingValue = "true")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @ConfigurationProperties("spareflow.embedded-postgres")
    record EmbeddedPostgresProperties(boolean enabled, int port, String dataDirectory) {
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
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
        EmbeddedPostgres postgres = builder.start();
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
