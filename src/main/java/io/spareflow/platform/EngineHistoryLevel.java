package io.spareflow.platform;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The configured history level ({@code camunda.bpm.history-level}; the application's {@link WaitStateHistoryLevel}
 * is known to the engine by its name) is the level, also for a database the engine created at another one: Camunda refuses to start when the level it recorded in {@code ACT_GE_PROPERTY} differs
 * from the configuration, so before it checks, the recorded level is set to the configured one. History already
 * written stays; only what is written from now on follows the new level (docs/performance.md, "Lifecycle, step by
 * step").
 */
@Component
class EngineHistoryLevel extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineHistoryLevel.class);

    private final JdbcTemplate jdbc;

    EngineHistoryLevel(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The engine resolves the configured name among its own levels and these. */
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> custom = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        custom.add(new WaitStateHistoryLevel());
        configuration.setCustomHistoryLevels(custom);
    }

    /** After init the level is resolved; the engine checks it against the database right after, when it is built. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        Boolean created = jdbc.queryForObject("SELECT to_regclass('act_ge_property') IS NOT NULL", Boolean.class);
        if (!Boolean.TRUE.equals(created)) {
            return;
        }
        String level = String.valueOf(configuration.getHistoryLevel().getId());
        int changed = jdbc.update("UPDATE act_ge_property SET value_ = ?, rev_ = rev_ + 1 WHERE name_ = 'historyLevel' AND value_ <> ?",
                level, level);
        if (changed > 0) {
            log.warn("Camunda history level of the database set to the configured {}", configuration.getHistoryLevel().getName());
        }
    }
}
