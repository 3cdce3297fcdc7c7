package io.spareflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spareflow.SpareflowIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.HistoryLevelSetupCommand;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database the engine wrote at level {@code audit} (installations before the third session of issue 15) starts at
 * the configured level ({@link WaitStateHistoryLevel}): without {@link EngineHistoryLevel} the engine's own start-up check refuses it.
 */
@SpareflowIntegrationTest
class EngineHistoryLevelTest {

    @Autowired
    EngineHistoryLevel historyLevel;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void configuredLevelAgain() {
        jdbc.update("update act_ge_property set value_ = ? where name_ = 'historyLevel'",
                String.valueOf(((ProcessEngineImpl) engine).getProcessEngineConfiguration().getHistoryLevel().getId()));
    }

    @Test
    void aDatabaseWrittenAtAuditIsMovedToTheConfiguredLevelBeforeTheEngineChecksIt() {
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
        assertThat(configuration.getHistoryLevel().getName()).isEqualTo(WaitStateHistoryLevel.NAME);
        record(HistoryLevel.HISTORY_LEVEL_AUDIT);
        assertThatThrownBy(() -> startUpCheck(configuration)).hasMessageContaining("historyLevel mismatch");

        historyLevel.postInit(configuration);

        startUpCheck(configuration);
        assertThat(recorded()).isEqualTo(String.valueOf(configuration.getHistoryLevel().getId()));
    }

    @Test
    void aDatabaseAtTheConfiguredLevelIsLeftAsItIs() {
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
        Integer revision = jdbc.queryForObject("select rev_ from act_ge_property where name_ = 'historyLevel'", Integer.class);

        historyLevel.postInit(configuration);

        assertThat(jdbc.queryForObject("select rev_ from act_ge_property where name_ = 'historyLevel'", Integer.class)).isEqualTo(revision);
    }

    /** What the engine runs when it is built: it compares the database's level with the configured one. */
    private static void startUpCheck(ProcessEngineConfigurationImpl configuration) {
        configuration.getCommandExecutorSchemaOperations().execute(new HistoryLevelSetupCommand());
    }

    private void record(HistoryLevel level) {
        jdbc.update("update act_ge_property set value_ = ? where name_ = 'historyLevel'", String.valueOf(level.getId()));
    }

    private String recorded() {
        return jdbc.queryForObject("select value_ from act_ge_property where name_ = 'historyLevel'", String.class);
    }
}
