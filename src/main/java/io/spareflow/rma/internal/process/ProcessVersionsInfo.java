package io.spareflow.rma.internal.process;

import io.spareflow.rma.DeployedProcess;
import io.spareflow.rma.DeployedProcesses;
import io.spareflow.user.Role;
import io.spareflow.user.Users;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/info} → {@code processes}: for each process key the version new cases start on and the versions
 * that still have running instances, so an operator sees before a migration what would move. The endpoint is public,
 * but how many cases run is business data: only an ADMIN's call shows the counts.
 */
@Component
class ProcessVersionsInfo implements InfoContributor {

    private final DeployedProcesses processes;

    ProcessVersionsInfo(DeployedProcesses processes) {
        this.processes = processes;
    }

    @Override
    public void contribute(Info.Builder builder) {
        boolean admin = Users.current().filter(user -> user.role() == Role.ADMIN).isPresent();
        Map<String, Object> byKey = new LinkedHashMap<>();
        for (DeployedProcess process : processes.all()) {
            byKey.put(process.key(), admin
                    ? Map.of("deployedVersion", process.deployedVersion(), "runningInstancesByVersion", process.runningByVersion())
                    : Map.of("deployedVersion", process.deployedVersion()));
        }
        builder.withDetail("processes", byKey);
    }
}
