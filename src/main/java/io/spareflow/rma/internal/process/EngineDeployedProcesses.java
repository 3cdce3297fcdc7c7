package io.spareflow.rma.internal.process;

import io.spareflow.rma.DeployedProcess;
import io.spareflow.rma.DeployedProcesses;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/** Reads the deployed versions from the engine's repository; every process the engine holds, not a fixed list. */
@Component
class EngineDeployedProcesses implements DeployedProcesses {

    private final RepositoryService repository;
    private final RuntimeService runtime;

    EngineDeployedProcesses(RepositoryService repository, RuntimeService runtime) {
        this.repository = repository;
        this.runtime = runtime;
    }

    @Override
    public List<DeployedProcess> all() {
        return repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .sorted(Comparator.comparing(ProcessDefinition::getKey))
                .map(this::describe)
                .toList();
    }

    private DeployedProcess describe(ProcessDefinition latest) {
        SortedMap<Integer, Long> running = new TreeMap<>();
        for (ProcessDefinition version : repository.createProcessDefinitionQuery().processDefinitionKey(latest.getKey()).list()) {
            long instances = runtime.createProcessInstanceQuery().processDefinitionId(version.getId()).count();
            if (instances > 0) {
                running.put(version.getVersion(), instances);
            }
        }
        return new DeployedProcess(latest.getKey(), latest.getName(), latest.getVersion(), running);
    }
}
