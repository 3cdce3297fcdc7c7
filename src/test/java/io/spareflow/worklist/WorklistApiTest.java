package io.spareflow.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.customer.SiteInfo;
import io.spareflow.repair.BoardRepairBpmn;
import io.spareflow.rma.RmaApiTestSupport;
import io.spareflow.rma.RmaCaseBpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worklist's contributions through /api/tasks: repair's known fixes come with a board's diagnosis task (in the
 * list and for the one task), from past repairs of the same part, and with no other task.
 */
@SpareflowIntegrationTest
class WorklistApiTest extends RmaApiTestSupport {

    private static final String TECHNICIAN = "tech-RC-SZX";

    @Test
    void aBoardsDiagnosisShowsTheKnownFixesOfPastRepairsOfItsPart() {
        String part = fixture.part();
        SiteInfo site = fixture.addisAbaba();

        String first = api.report("agent", site.customerCode(), site.id(), fixture.installedAt(part, site));
        JsonNode accept = task("agent", first, RmaCaseBpmn.TASK_ACCEPT_CASE);
        assertThat(accept.get("suggestions")).as("only a board's diagnosis has known fixes").isEmpty();
        api.completeTask("agent", accept.get("id").asText(), Map.of());
        String firstDiagnosis = atDiagnosis(first);
        assertThat(task(TECHNICIAN, first, BoardRepairBpmn.TASK_DIAGNOSE_BOARD).get("suggestions"))
                .as("a part never repaired before has no known fixes").isEmpty();
        api.completeTask(TECHNICIAN, firstDiagnosis, Map.of("finding", "TOSA laser degraded", "diagnosis", "FAULT_CONFIRMED"));
        api.complete(TECHNICIAN, first, BoardRepairBpmn.TASK_REPAIR_BOARD, Map.of("actions", "replaced TOSA module"));
        api.complete(TECHNICIAN, first, BoardRepairBpmn.TASK_TEST_BOARD, Map.of("testResult", "PASS"));

        String second = api.report("agent", site.customerCode(), site.id(), fixture.installedAt(part, site));
        api.complete("agent", second, RmaCaseBpmn.TASK_ACCEPT_CASE, Map.of());
        String secondDiagnosis = atDiagnosis(second);

        JsonNode listed = task(TECHNICIAN, second, BoardRepairBpmn.TASK_DIAGNOSE_BOARD).get("suggestions");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("finding").asText()).isEqualTo("TOSA laser degraded");
        assertThat(listed.get(0).get("actions").asText()).isEqualTo("replaced TOSA module");
        assertThat(listed.get(0).get("occurrences").asLong()).isEqualTo(1);
        assertThat(listed.get(0).hasNonNull("lastSeen")).isTrue();
        JsonNode one = api.read(api.get(TECHNICIAN, "/api/tasks/" + secondDiagnosis).getBody());
        assertThat(one.get("suggestions")).isEqualTo(listed);
    }

    /** The accepted BRONZE case asks for its board back, which RC-SZX takes in: its diagnosis task. */
    private String atDiagnosis(String number) {
        api.complete("agent", number, RmaCaseBpmn.TASK_REMOTE_DIAGNOSIS, Map.of("diagnosisOutcome", "SPARE_NEEDED"));
        String serial = api.getCase(number).get("faultySerial").asText();
        api.scan(TECHNICIAN, serial, "DEFECTIVE_RECEIVE", "RC-SZX", Map.of());
        api.scan(TECHNICIAN, serial, "REPAIR_INTAKE", "RC-SZX", Map.of());
        return api.taskOf(TECHNICIAN, number, BoardRepairBpmn.TASK_DIAGNOSE_BOARD);
    }

    private JsonNode task(String user, String number, String taskKey) {
        JsonNode task = taskOrNull(user, number, taskKey);
        assertThat(task).as(user + " has task " + taskKey + " of " + number).isNotNull();
        return task;
    }

    private JsonNode taskOrNull(String user, String number, String taskKey) {
        for (JsonNode task : api.read(api.get(user, "/api/tasks").getBody())) {
            if (number.equals(task.path("caseNumber").asText()) && taskKey.equals(task.path("taskKey").asText())) {
                return task;
            }
        }
        return null;
    }
}
