package io.spareflow.platform;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The history level the service's engine runs at, for engines a harness builds outside the Spring context on the
 * service's database: the engine refuses to start on a database recorded at a level it does not know.
 */
public final class ApplicationHistoryLevel {

    private ApplicationHistoryLevel() {
    }

    /** Registers {@link WaitStateHistoryLevel} and selects it, as application.yml does for the service. */
    public static ProcessEngineConfigurationImpl configure(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomHistoryLevels(List.of(new WaitStateHistoryLevel()));
        configuration.setHistory(WaitStateHistoryLevel.NAME);
        return configuration;
    }
}
