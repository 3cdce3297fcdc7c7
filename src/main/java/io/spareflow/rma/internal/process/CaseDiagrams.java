package io.spareflow.rma.internal.process;

import io.spareflow.rma.ProcessDiagram;
import io.spareflow.rma.RmaCaseBpmn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** The process diagrams of a case (its lifecycle and any called process running now) with their active steps. */
@Component
public class CaseDiagrams {

    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;

    CaseDiagrams(RuntimeService runtime, HistoryService history, RepositoryService repository) {
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
    }

    /** The lifecycle first, then the called processes running now; a closed case shows its lifecycle, nothing active. */
    public List<ProcessDiagram> of(String caseNumber) {
        List<ProcessInstance> running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .list();
        List<ProcessDiagram> diagrams = new ArrayList<>();
        running.stream().sorted(Comparator.comparing(p -> !isLifecycle(p))).forEach(p -> diagrams.add(diagram(p)));
        if (diagrams.isEmpty()) {
            history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                    .processDefinitionKey(RmaCaseBpmn.PROCESS_KEY).list().stream()
                    .map(HistoricProcessInstance::getProcessDefinitionId).findFirst()
                    .ifPresent(definitionId -> diagrams.add(render(definitionId, List.of())));
        }
        return diagrams;
    }

    private boolean isLifecycle(ProcessInstance instance) {
        return repository.getProcessDefinition(instance.getProcessDefinitionId()).getKey()
                .equals(RmaCaseBpmn.PROCESS_KEY);
    }

    private ProcessDiagram diagram(ProcessInstance instance) {
        return render(instance.getProcessDefinitionId(), runtime.getActiveActivityIds(instance.getId()));
    }

    private ProcessDiagram render(String definitionId, List<String> active) {
        ProcessDefinition definition = repository.getProcessDefinition(definitionId);
        try (InputStream xml = repository.getProcessModel(definitionId)) {
            return new ProcessDiagram(definition.getKey(), definition.getName(),
                    new String(xml.readAllBytes(), StandardCharsets.UTF_8), List.copyOf(active));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the BPMN of " + definitionId, e);
        }
    }
}
