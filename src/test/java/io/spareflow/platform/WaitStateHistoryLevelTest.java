package io.spareflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The application's engine keeps the history of what a process waited in and how it ended, not of the elements it
 * passed through; process and task instances stay whole.
 */
@SpareflowIntegrationTest
class WaitStateHistoryLevelTest {

    private static final String PROCESS = "wait-state-history";

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;

    @Test
    void aProcessLeavesTheActivityInstancesOfItsWaitStatesAndItsEndOnly() {
        repository.createDeployment().addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS)
                .startEvent("start")
                .exclusiveGateway("decide")
                .serviceTask("compute").camundaExpression("${1 + 1}")
                .receiveTask("wait").message("goOn")
                .parallelGateway("fork")
                .userTask("work").camundaCandidateGroups("agents")
                .endEvent("end")
                .done()).deploy();

        String id = runtime.startProcessInstanceByKey(PROCESS).getId();
        runtime.createMessageCorrelation("goOn").processInstanceId(id).correlate();
        String task = tasks.createTaskQuery().processInstanceId(id).singleResult().getId();
        tasks.claim(task, "agent");
        tasks.complete(task);

        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).orderPartiallyByOccurrence().asc()
                .list()).extracting(HistoricActivityInstance::getActivityId, HistoricActivityInstance::getActivityType,
                        a -> a.getEndTime() != null)
                .containsExactly(
                        Tuple.tuple("wait", "receiveTask", true),
                        Tuple.tuple("work", "userTask", true),
                        Tuple.tuple("end", "noneEndEvent", true));
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).activityId("work").singleResult()
                .getAssignee()).isEqualTo("agent");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(id).finished().count()).isEqualTo(1);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).finished().count()).isEqualTo(1);
    }
}
