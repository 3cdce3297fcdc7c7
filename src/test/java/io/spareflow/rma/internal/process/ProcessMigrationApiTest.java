package io.spareflow.rma.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.audit.Audit;
import io.spareflow.audit.AuditEntry;
import io.spareflow.audit.AuditQuery;
import io.spareflow.audit.AuditedEntity;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * POST /api/admin/process-migrations on a process of its own (a fresh key per run, so no case process changes): a dry
 * run validates and moves nothing, a run moves every instance, a target without the waiting step moves none (409).
 */
@SpareflowIntegrationTest
class ProcessMigrationApiTest {

    private final String key = "migration-test-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    Audit audit;

    @Test
    void aDryRunValidatesEveryInstanceAndARunMovesThemAllKeepingTheirStepAndVariables() throws Exception {
        deploy("Task_Wait");
        String first = runtime.startProcessInstanceByKey(key, Map.of("caseNumber", "A")).getId();
        runtime.startProcessInstanceByKey(key, Map.of("caseNumber", "B"));
        deploy("Task_Wait", "Task_Next");

        JsonNode dryRun = migrate("admin", 1, true, HttpStatus.OK);
        assertThat(dryRun.path("targetVersion").asInt()).isEqualTo(2);
        assertThat(dryRun.path("instances").asLong()).isEqualTo(2);
        assertThat(dryRun.path("migrated").asLong()).isZero();
        assertThat(dryRun.path("problems")).isEmpty();
        assertThat(onVersion(1)).isEqualTo(2);

        JsonNode run = migrate("admin", 1, false, HttpStatus.OK);
        assertThat(run.path("migrated").asLong()).isEqualTo(2);
        assertThat(onVersion(1)).isZero();
        assertThat(onVersion(2)).isEqualTo(2);
        assertThat(runtime.getActiveActivityIds(first)).containsExactly("Task_Wait");
        assertThat(runtime.getVariable(first, "caseNumber")).isEqualTo("A");
        List<AuditEntry> audited = audit.find(new AuditQuery(AuditedEntity.PROCESS_INSTANCES, key, null));
        assertThat(audited).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("admin");
            assertThat(entry.before().path("version").asInt()).isEqualTo(1);
            assertThat(entry.after().path("version").asInt()).isEqualTo(2);
            assertThat(entry.after().path("instances").asLong()).isEqualTo(2);
        });
    }

    @Test
    void aTargetWithoutTheWaitingStepIsReportedByTheDryRunAndRefusedWithoutMovingAnyInstance() throws Exception {
        deploy("Task_Wait");
        runtime.startProcessInstanceByKey(key);
        deploy("Task_Renamed");

        JsonNode dryRun = migrate("admin", 1, true, HttpStatus.OK);
        assertThat(dryRun.path("problems").toString()).contains("Task_Wait");

        JsonNode refused = migrate("admin", 1, false, HttpStatus.CONFLICT);
        assertThat(refused.path("detail").asText()).startsWith("Nothing was migrated").contains(key);
        assertThat(onVersion(1)).isEqualTo(1);
        assertThat(audit.find(new AuditQuery(AuditedEntity.PROCESS_INSTANCES, key, null))).isEmpty();
    }

    @Test
    void onlyAnAdminMigratesAndUnknownVersionsAreNamed() throws Exception {
        deploy("Task_Wait");

        migrate("supervisor", 1, true, HttpStatus.FORBIDDEN);
        assertThat(migrate("admin", 7, true, HttpStatus.BAD_REQUEST).path("detail").asText()).contains("has no version 7");
        assertThat(migrate("admin", 1, true, HttpStatus.BAD_REQUEST).path("detail").asText()).contains("Source and target");
        ResponseEntity<String> noMode = post("admin", Map.of("processKey", key, "sourceVersion", 1));
        assertThat(noMode.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noMode.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private JsonNode migrate(String user, int sourceVersion, boolean dryRun, HttpStatus expected) throws Exception {
        ResponseEntity<String> response = post(user, Map.of("processKey", key, "sourceVersion", sourceVersion, "dryRun", dryRun));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return json.readTree(response.getBody() == null ? "{}" : response.getBody());
    }

    private ResponseEntity<String> post(String user, Map<String, Object> body) {
        return rest.withBasicAuth(user, "demo").exchange("/api/admin/process-migrations", HttpMethod.POST,
                new HttpEntity<>(body), String.class);
    }

    private long onVersion(int version) {
        String id = repository.createProcessDefinitionQuery().processDefinitionKey(key).processDefinitionVersion(version)
                .singleResult().getId();
        return runtime.createProcessInstanceQuery().processDefinitionId(id).count();
    }

    /** A version of the test process: start, these user tasks in a row, end. */
    private void deploy(String... userTasks) {
        AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent();
        for (String task : userTasks) {
            flow = flow.userTask(task);
        }
        BpmnModelInstance model = flow.endEvent().done();
        repository.createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy();
    }
}
