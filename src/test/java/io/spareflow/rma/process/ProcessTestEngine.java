package io.spareflow.rma.process;

import io.spareflow.SharedTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;

/**
 * A plain process engine (no Spring) for process tests, on its own database {@code process_tests} in the shared test
 * PostgreSQL, so its ACT_* tables never mix with those of the Spring contexts' engines. Service beans are replaced by
 * mocks ({@link org.camunda.bpm.engine.test.mock.Mocks}); timers are driven by moving the engine clock.
 */
final class ProcessTestEngine {

    private static final String DATABASE = "process_tests";

    private ProcessTestEngine() {
    }

    static ProcessEngineConfiguration configuration() {
        createDatabaseOnce();
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("process-tests");
        configuration.setJdbcUrl(SharedTestDatabase.postgres().getJdbcUrl("postgres", DATABASE));
        configuration.setJdbcUsername("postgres");
        configuration.setJdbcPassword("postgres");
        configuration.setJdbcDriver("org.postgresql.Driver");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setExpressionManager(new MockExpressionManager());
        ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
        return configuration;
    }

    private static synchronized void createDatabaseOnce() {
        try (Connection connection = SharedTestDatabase.postgres().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the process test database", e);
        }
    }
}
