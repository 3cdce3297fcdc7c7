package io.spareflow.rma.internal.process;

import io.spareflow.rma.DeployedProcess;
import io.spareflow.rma.DeployedProcesses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/info} → {@code processes}: for each process key the version new cases start on and the versions
 * that still have running instances, so an operator sees before a migration what would move.
 */
@Component
class ProcessVersionsInfo implements InfoContributor {

    private final DeployedProcesses processes;

    ProcessVersionsInfo(DeployedProcesses processes) {
        this.processes = processes;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> byKey = new LinkedHashMap<>();
        for (DeployedProcess process : processes.all()) {
            byKey.put(process.key(), Map.of("deployedVersion", process.deployedVersion(),
                    "runningInstancesByVersion", process.runningByVersion()));
        }
        builder.withDetail("processes", byKey);
    }
}
