package io.spareflow.rma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.customer.SiteInfo;
import io.spareflow.repair.BoardRepairBpmn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scans that come before the process waits for them are matched when it gets there, through the REST API and scans on
 * PostgreSQL: a REPAIR_INTAKE right after an early defective return, a PUTAWAY of the repaired board in stock and a
 * DELIVER of the repaired board at the customer's while the technician's test is still open. No case stalls.
 */
@SpareflowIntegrationTest
class EarlyScansApiTest extends RmaApiTestSupport {

    @Test
    void anIntakeScannedRightAfterAnEarlyDefectiveReturnGoesStraightToDiagnosis() {
        SiteInfo site = fixture.addisAbaba();
        String faulty = fixture.installedAt(fixture.part(), site);
        String number = api.reportAndAccept(site, faulty);
        api.takeIntoRepair(number, faulty);
        assertThat(boards.require(faulty).status()).isEqualTo(BoardStatus.IN_REPAIR);

        api.complete("agent", number, "Task_RemoteDiagnosis", Map.of("diagnosisOutcome", "SPARE_NEEDED"));

        assertThat(api.getCase(number).get("state").asText()).isEqualTo("IN_REPAIR");
        assertThat(api.read(api.get("tech-RC-SZX", "/api/repairs/" + number).getBody()).get("repairCenter").asText())
                .as("the intake is on the repair order").isEqualTo("RC-SZX");
        assertThat(waitingAt(number)).doesNotContain(BoardRepairBpmn.TASK_AWAIT_INTAKE, CaseLineBpmn.TASK_AWAIT_DEFECTIVE_RETURN);
        api.taskOf("tech-RC-SZX", number, "Task_DiagnoseBoard");
        assertThat(api.stalledOf(number)).isEmpty();
    }

    @Test
    void aRepairedBoardDeliveredBackBeforeTheTestIsRecordedEndsTheRepair() {
        SiteInfo site = fixture.addisAbaba();
        String faulty = fixture.installedAt(fixture.part(), site);
        String number = inRepairDiagnosed(site, faulty);
        api.scan("tech-RC-SZX", faulty, "REPAIR_RESULT", "RC-SZX", Map.of("result", "NFF"));
        api.scan("tech-RC-SZX", faulty, "PACK", "RC-SZX", Map.of());
        api.scan("tech-RC-SZX", faulty, "SHIP", "RC-SZX", Map.of());
        api.scan("tech-RC-SZX", faulty, "DELIVER", "RC-SZX", Map.of("siteId", site.id()));
        assertThat(waitingAt(number)).contains(BoardRepairBpmn.TASK_TEST_BOARD);

        api.complete("tech-RC-SZX", number, "Task_TestBoard", Map.of("testResult", "PASS"));

        assertThat(waitingAt(number)).containsExactly(RmaCaseBpmn.TASK_CLOSE_CASE);
        assertThat(api.stalledOf(number)).isEmpty();
    }

    @Test
    void aRepairedBoardPutAwayBeforeTheTestIsRecordedEndsTheRepair() {
        SiteInfo site = fixture.chengdu();
        String part = fixture.part();
        String faulty = fixture.installedAt(part, site);
        String spare = fixture.inStock(part, "CTU");
        String number = api.reportNeedingSpare(site.customerCode(), site.id(), faulty);
        api.deliver(spare, "CTU", site);
        api.takeIntoRepair(number, faulty);
        api.complete("tech-RC-SZX", number, "Task_DiagnoseBoard", Map.of("finding", "none", "diagnosis", "NO_FAULT_FOUND"));
        api.scan("tech-RC-SZX", faulty, "REPAIR_RESULT", "RC-SZX", Map.of("result", "NFF"));
        api.scan("tech-RC-SZX", faulty, "PACK", "RC-SZX", Map.of());
        api.scan("tech-RC-SZX", faulty, "SHIP", "RC-SZX", Map.of());
        api.scan("depot-KMG", faulty, "RECEIVE", "KMG", Map.of());
        api.scan("depot-KMG", faulty, "PUTAWAY", "KMG", Map.of());

        api.complete("tech-RC-SZX", number, "Task_TestBoard", Map.of("testResult", "PASS"));

        assertThat(waitingAt(number)).containsExactly(RmaCaseBpmn.TASK_CLOSE_CASE);
        assertThat(api.read(api.get("tech-RC-SZX", "/api/repairs/" + number).getBody()).get("returnedAt").isNull())
                .as("the return to stock is recorded").isFalse();
        assertThat(api.stalledOf(number)).isEmpty();
    }

    private String inRepairDiagnosed(SiteInfo site, String faulty) {
        String number = api.reportAndAccept(site, faulty);
        api.complete("agent", number, "Task_RemoteDiagnosis", Map.of("diagnosisOutcome", "SPARE_NEEDED"));
        api.takeIntoRepair(number, faulty);
        api.complete("tech-RC-SZX", number, "Task_DiagnoseBoard", Map.of("finding", "none", "diagnosis", "NO_FAULT_FOUND"));
        return number;
    }

    /** The activities the case's process instances wait in now. */
    private List<String> waitingAt(String number) {
        List<String> steps = new ArrayList<>();
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).active().list()
                .forEach(instance -> steps.addAll(runtime.getActiveActivityIds(instance.getId())));
        return steps.stream().filter(step -> !step.startsWith("CallActivity_")).toList();
    }
}
