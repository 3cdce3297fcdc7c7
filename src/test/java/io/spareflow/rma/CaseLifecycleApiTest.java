package io.spareflow.rma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.CustodyRecord;
import io.spareflow.board.MoveReason;
import io.spareflow.customer.SiteInfo;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The whole lifecycle through the REST API on PostgreSQL: report → accept → remote diagnosis → sourcing → pick, pack,
 * ship, deliver scans → defective return → intake → diagnosis by a certified technician → repair → test → return to
 * the depot with the largest deficit → put-away → close by the first owner.
 */
@SpareflowIntegrationTest
class CaseLifecycleApiTest extends RmaApiTestSupport {

    @Autowired
    ManagementService management;

    @Test
    void advanceExchangeCaseRunsFromReportToClosure() {
        String part = fixture.part();
        SiteInfo site = fixture.chengdu();
        String faulty = fixture.installedAt(part, site);
        String spare = fixture.inStock(part, "CTU");
        assertThat(api.put("depot-KMG", "/api/repairs/stock-targets/KMG/" + part, Map.of("target", 5)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.put("admin", "/api/repairs/stock-targets/RC-SZX/" + part, Map.of("target", 5)).getStatusCode())
                .as("a repair center holds no stock").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.put("admin", "/api/repairs/stock-targets/KMG/" + part, Map.of("target", 5)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<String> reported = api.post("agent", "/api/cases", report(site, faulty));
        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode created = api.read(reported.getBody());
        String number = created.get("number").asText();
        assertThat(number).matches("RMA-\\d{4}-\\d{6}");
        assertThat(created.get("trackingToken").asText()).matches("[A-Za-z0-9_-]{32}");
        assertThat(created.get("tier").asText()).isEqualTo("PLATINUM");
        assertThat(created.get("state").asText()).isEqualTo("REPORTED");
        assertThat(api.post("agent", "/api/cases", report(site, faulty)).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        // Accept: whoever takes it first is the first owner.
        String accept = api.taskOf("agent", number, "Task_AcceptCase");
        assertThat(api.post("agent", "/api/tasks/" + accept + "/claim", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.post("supervisor", "/api/tasks/" + accept + "/claim", Map.of()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.post("agent", "/api/tasks/" + accept + "/complete", Map.of()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode accepted = api.getCase(number);
        assertThat(accepted.at("/firstOwner/username").asText()).isEqualTo("agent");
        assertThat(accepted.at("/firstOwner/displayName").asText()).isEqualTo("Li Wei");
        assertThat(accepted.get("state").asText()).isEqualTo("DIAGNOSING");

        // Remote diagnosis: a wrong outcome is refused, listing the allowed ones.
        String diagnosis = api.taskOf("agent", number, "Task_RemoteDiagnosis");
        ResponseEntity<String> wrong = api.post("agent", "/api/tasks/" + diagnosis + "/complete", Map.of("diagnosisOutcome", "MAGIC"));
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrong.getBody()).contains("RESOLVED_REMOTELY", "SPARE_NEEDED", "ENGINEER_ON_SITE");
        assertThat(api.post("agent", "/api/tasks/" + diagnosis + "/complete", Map.of("diagnosisOutcome", "SPARE_NEEDED")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // Sourcing reserved the spare at the only depot that has the part.
        JsonNode sourced = api.getCase(number);
        assertThat(sourced.at("/spare/serial").asText()).isEqualTo(spare);
        assertThat(sourced.at("/spare/depotCode").asText()).isEqualTo("CTU");
        assertThat(boards.require(spare).status()).isEqualTo(BoardStatus.RESERVED);

        api.scan("depot-CTU", spare, "PICK", "CTU", Map.of());
        api.scan("depot-CTU", spare, "PACK", "CTU", Map.of());
        api.scan("depot-CTU", spare, "SHIP", "CTU", Map.of("trackingNumber", "SF123456789CN"));
        assertThat(api.getCase(number).at("/spare/trackingNumber").asText()).isEqualTo("SF123456789CN");
        api.scan("depot-CTU", spare, "DELIVER", "CTU", Map.of("siteId", site.id()));
        assertThat(boards.require(spare).status()).isEqualTo(BoardStatus.INSTALLED);
        assertThat(api.getCase(number).get("state").asText()).isEqualTo("AWAITING_RETURN");

        // Defective return at the repair center, intake, diagnosis by a certified technician.
        api.scan("tech-RC-SZX", faulty, "DEFECTIVE_RECEIVE", "RC-SZX", Map.of("caseNumber", number));
        assertThat(api.getCase(number).get("state").asText()).isEqualTo("IN_REPAIR");
        api.scan("tech-RC-SZX", faulty, "REPAIR_INTAKE", "RC-SZX", Map.of());
        String diagnose = api.taskOf("tech-RC-SZX", number, "Task_DiagnoseBoard");
        assertThat(api.taskIds("tech-RC-DXB")).as("RC-DXB is not certified for OPTICAL").doesNotContain(diagnose);
        assertThat(api.taskIds("tech-RC-NKG")).as("RC-NKG is certified for OPTICAL but works elsewhere").doesNotContain(diagnose);
        assertThat(api.post("tech-RC-NKG", "/api/tasks/" + diagnose + "/claim", Map.of()).getStatusCode())
                .as("RC-NKG is certified for OPTICAL but works elsewhere").isEqualTo(HttpStatus.FORBIDDEN);
        api.completeTask("tech-RC-SZX", diagnose, Map.of("finding", "laser bias current out of range", "diagnosis", "FAULT_CONFIRMED"));
        api.complete("tech-RC-SZX", number, "Task_RepairBoard", Map.of("actions", "replaced TOSA module"));
        api.complete("tech-RC-SZX", number, "Task_TestBoard", Map.of("testResult", "PASS"));
        assertThat(boards.require(faulty).status()).isEqualTo(BoardStatus.REPAIRED);

        // Back to stock at the depot with the largest deficit, made AVAILABLE by the put-away scan.
        JsonNode repair = api.read(api.get("agent", "/api/repairs/" + number).getBody());
        assertThat(repair.get("outcome").asText()).isEqualTo("REPAIRED");
        assertThat(repair.get("technician").asText()).isEqualTo("tech-RC-SZX");
        assertThat(repair.get("returnDepot").asText()).isEqualTo("KMG");
        api.scan("tech-RC-SZX", faulty, "PACK", "RC-SZX", Map.of());
        api.scan("tech-RC-SZX", faulty, "SHIP", "RC-SZX", Map.of("trackingNumber", "SF987654321CN"));
        api.scan("depot-KMG", faulty, "RECEIVE", "KMG", Map.of());
        api.scan("depot-KMG", faulty, "PUTAWAY", "KMG", Map.of());
        assertThat(boards.require(faulty).status()).isEqualTo(BoardStatus.AVAILABLE);
        assertThat(boards.require(faulty).locationCode()).isEqualTo("KMG");
        assertThat(api.getCase(number).get("state").asText()).isEqualTo("RESOLVED");

        api.complete("agent", number, "Task_CloseCase", Map.of("resolution", "Spare installed, defective board repaired"));
        JsonNode closed = api.getCase(number);
        assertThat(closed.get("state").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("closedAt").isNull()).isFalse();
        assertThat(RmaApiClient.kinds(closed.get("timeline"))).containsSubsequence("REPORTED", "FIRST_OWNER", "ACCEPTED", "DIAGNOSED",
                "SPARE_RESERVED", "SPARE_PICKED", "SPARE_PACKED", "SPARE_SHIPPED", "SPARE_DELIVERED", "RETURN_EXPECTED",
                "DEFECTIVE_RECEIVED", "REPAIR_FINISHED", "CLOSED");
        assertThat(StreamSupport.stream(closed.get("slaClocks").spliterator(), false).map(c -> c.get("step").asText()))
                .containsExactlyInAnyOrder("ACCEPT", "REMOTE_DIAGNOSIS", "SPARE_ON_SITE", "DEFECTIVE_RETURN", "REPAIR_TURNAROUND");
        closed.get("slaClocks").forEach(clock -> assertThat(clock.get("metAt").isNull()).as(clock.toString()).isFalse());
        assertThat(closed.get("breaches")).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();

        // Custody of the defective board: every scan with the hand-off's user and place.
        JsonNode custody = api.read(api.get("agent", "/api/boards/" + faulty).getBody()).get("custody");
        assertThat(actions(custody)).containsSubsequence("DEFECTIVE_RECEIVE", "REPAIR_INTAKE", "REPAIR_RESULT", "PACK", "SHIP", "RECEIVE", "PUTAWAY");
    }

    @Test
    void repairAndReturnWaitsForTheBoardAndNoFaultFoundTwiceFlagsARogueUnit() {
        String part = fixture.part();
        SiteInfo site = fixture.addisAbaba();
        String faulty = fixture.installedAt(part, site);
        for (int round = 1; round <= 2; round++) {
            String number = api.reportAndAccept(site, faulty);
            api.complete("agent", number, "Task_RemoteDiagnosis", Map.of("diagnosisOutcome", "SPARE_NEEDED"));
            JsonNode waiting = api.getCase(number);
            assertThat(waiting.get("tier").asText()).isEqualTo("BRONZE");
            assertThat(waiting.get("state").asText()).isEqualTo("AWAITING_RETURN");
            assertThat(waiting.get("spare").isNull()).as("no advance exchange").isTrue();

            api.scan("tech-RC-SZX", faulty, "DEFECTIVE_RECEIVE", "RC-SZX", Map.of());
            api.scan("tech-RC-SZX", faulty, "REPAIR_INTAKE", "RC-SZX", Map.of());
            api.complete("tech-RC-SZX", number, "Task_DiagnoseBoard",
                    Map.of("finding", "intermittent loss of frame, not reproducible", "diagnosis", "NO_FAULT_FOUND"));
            api.complete("tech-RC-SZX", number, "Task_TestBoard", Map.of("testResult", "PASS"));
            assertThat(boards.require(faulty).status()).isEqualTo(BoardStatus.NFF);
            JsonNode repair = api.read(api.get("agent", "/api/repairs/" + number).getBody());
            assertThat(repair.get("outcome").asText()).isEqualTo("NFF");
            assertThat(repair.get("suspectedRogue").asBoolean()).isEqualTo(round == 2);

            // The same board goes back to the customer.
            api.scan("tech-RC-SZX", faulty, "PACK", "RC-SZX", Map.of());
            api.scan("tech-RC-SZX", faulty, "SHIP", "RC-SZX", Map.of());
            api.scan("tech-RC-SZX", faulty, "DELIVER", "RC-SZX", Map.of("siteId", site.id()));
            api.complete("agent", number, "Task_CloseCase", Map.of("resolution", "returned, no fault found"));
            JsonNode closed = api.getCase(number);
            assertThat(closed.get("state").asText()).isEqualTo("CLOSED");
            assertThat(closed.at("/repair/suspectedRogue").asBoolean()).isEqualTo(round == 2);
            JsonNode listed = api.read(api.get("agent", "/api/cases?state=CLOSED&customer=" + site.customerCode()).getBody());
            assertThat(StreamSupport.stream(listed.spliterator(), false).filter(c -> c.get("number").asText().equals(number)))
                    .as("the listing shows the case as its own page does, repair, timeline and clocks included").containsExactly(closed);
        }
        JsonNode suggestions = api.read(api.get("tech-RC-SZX", "/api/repairs/suggestions?part=" + part + "&symptom=loss+of+frame").getBody());
        assertThat(suggestions).hasSize(1);
        assertThat(suggestions.get(0).get("occurrences").asInt()).isEqualTo(2);
    }

    @Test
    void defectiveBoardScannedInBeforeTheCaseWaitsForItGoesStraightToRepair() {
        SiteInfo site = fixture.addisAbaba();
        String faulty = fixture.installedAt(fixture.part(), site);
        String number = api.reportAndAccept(site, faulty);
        api.scan("tech-RC-SZX", faulty, "DEFECTIVE_RECEIVE", "RC-SZX", Map.of("caseNumber", number));
        assertThat(boards.require(faulty).status()).as("an open case's board is not quarantined").isEqualTo(BoardStatus.DEFECTIVE_RECEIVED);
        assertThat(api.getCase(number).get("state").asText()).isEqualTo("DIAGNOSING");

        api.complete("agent", number, "Task_RemoteDiagnosis", Map.of("diagnosisOutcome", "SPARE_NEEDED"));
        JsonNode inRepair = api.getCase(number);
        assertThat(inRepair.get("state").asText()).isEqualTo("IN_REPAIR");
        assertThat(RmaApiClient.kinds(inRepair.get("timeline"))).containsSubsequence("RETURN_EXPECTED", "DEFECTIVE_RECEIVED");
        api.scan("tech-RC-SZX", faulty, "REPAIR_INTAKE", "RC-SZX", Map.of());
        api.taskOf("tech-RC-SZX", number, "Task_DiagnoseBoard"); // fails unless the board's repair waits for its diagnosis
    }

    @Test
    void caseResolvedRemotelyClosesWithOnlyItsOwnClocks() {
        SiteInfo site = fixture.chengdu();
        String faulty = fixture.installedAt(fixture.part(), site);
        String number = api.reportAndAccept(site, faulty);
        api.complete("agent", number, "Task_RemoteDiagnosis", Map.of("diagnosisOutcome", "RESOLVED_REMOTELY", "note", "reset the line card"));
        assertThat(api.getCase(number).get("state").asText()).isEqualTo("RESOLVED");
        api.complete("agent", number, "Task_CloseCase", Map.of("resolution", "fixed by remote reset"));

        JsonNode closed = api.getCase(number);
        assertThat(closed.get("state").asText()).isEqualTo("CLOSED");
        assertThat(StreamSupport.stream(closed.get("slaClocks").spliterator(), false).map(c -> c.get("step").asText()))
                .containsExactly("ACCEPT", "REMOTE_DIAGNOSIS");
        assertThat(boards.require(faulty).status()).as("nothing was exchanged").isEqualTo(BoardStatus.INSTALLED);
        assertThat(api.report("agent", site.customerCode(), site.id(), faulty)).as("a closed case frees the serial").isNotEqualTo(number);
    }

    @Test
    void backorderedCaseContinuesWhenStockArrives() {
        String part = fixture.part();
        SiteInfo site = fixture.chengdu();
        String number = api.reportAndAccept(site, fixture.installedAt(part, site));
        api.complete("agent", number, "Task_RemoteDiagnosis", Map.of("diagnosisOutcome", "SPARE_NEEDED"));
        JsonNode waiting = api.getCase(number);
        assertThat(waiting.get("state").asText()).isEqualTo("BACKORDERED");
        assertThat(waiting.at("/spare/backordered").asBoolean()).isTrue();

        String arriving = fixture.received(part, "CTU");
        api.scan("depot-CTU", arriving, "PUTAWAY", "CTU", Map.of());

        JsonNode served = api.getCase(number);
        assertThat(served.get("state").asText()).isEqualTo("SPARE_DISPATCH");
        assertThat(served.at("/spare/serial").asText()).isEqualTo(arriving);
        assertThat(RmaApiClient.kinds(served.get("timeline"))).containsSubsequence("BACKORDER", "SPARE_RESERVED");
        api.scan("depot-CTU", arriving, "PICK", "CTU", Map.of());
        assertThat(RmaApiClient.kinds(api.getCase(number).get("timeline"))).contains("SPARE_PICKED");
    }

    @Test
    void onlyASupervisorTransfersFirstOwnershipAndTheOpenTasksFollow() {
        SiteInfo site = fixture.chengdu();
        String number = api.reportAndAccept(site, fixture.installedAt(fixture.part(), site));
        String diagnosis = api.taskOf("agent", number, "Task_RemoteDiagnosis");

        Map<String, String> transfer = Map.of("toUser", "supervisor", "reason", "agent on leave");
        assertThat(api.post("agent", "/api/cases/" + number + "/transfer", transfer).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.post("supervisor", "/api/cases/" + number + "/transfer", Map.of("toUser", "depot-CTU", "reason", "x"))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> moved = api.post("supervisor", "/api/cases/" + number + "/transfer", transfer);
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode transferred = api.read(moved.getBody());
        assertThat(transferred.at("/firstOwner/username").asText()).isEqualTo("supervisor");
        assertThat(RmaApiClient.kinds(transferred.get("timeline"))).contains("TRANSFERRED");
        assertThat(api.taskIds("agent")).doesNotContain(diagnosis);
        assertThat(api.taskIds("supervisor")).contains(diagnosis);
        assertThat(api.get("agent", "/api/cases?owner=supervisor&customer=CMCC-SC&state=DIAGNOSING").getBody()).contains(number);
    }

    @Test
    void missedAcceptanceIsABreachAndEscalatesToTheSupervisor() {
        SiteInfo site = fixture.chengdu();
        String faulty = fixture.installedAt(fixture.part(), site);
        String number = api.read(api.post("agent", "/api/cases", report(site, faulty)).getBody()).get("number").asText();
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();

        // Run the timers now instead of waiting for their due time (15 and 30 minutes for PLATINUM).
        execute(instance, "Timer_AcceptanceLimit");
        JsonNode breached = api.getCase(number);
        assertThat(breached.get("breaches")).hasSize(1);
        assertThat(breached.at("/breaches/0/step").asText()).isEqualTo("ACCEPT");
        assertThat(breached.at("/breaches/0/actualAt").isNull()).isTrue();
        execute(instance, "Timer_AcceptanceEscalation");
        assertThat(StreamSupport.stream(api.read(api.get("supervisor", "/api/tasks").getBody()).spliterator(), false)
                .filter(task -> task.get("name").asText().equals("Escalation: ACCEPT of " + number))
                .map(task -> task.get("caseNumber").asText())).as("the stand-alone task carries its case").containsExactly(number);
        JsonNode chineseTasks = api.read(api.get("supervisor", "/api/tasks", "zh-CN").getBody());
        assertThat(StreamSupport.stream(chineseTasks.spliterator(), false)
                .filter(task -> number.equals(task.path("caseNumber").asText()) && !task.hasNonNull("taskKey")))
                .as("the escalation task in the reader's language").singleElement()
                .satisfies(task -> {
                    assertThat(task.get("name").asText()).isEqualTo("升级处理：工单 " + number + " 的 ACCEPT 环节");
                    assertThat(task.get("description").asText()).isEqualTo("工单 " + number + " 的受理案例超过时限很久仍未完成");
                });

        api.complete("agent", number, "Task_AcceptCase", Map.of());
        JsonNode accepted = api.getCase(number);
        assertThat(accepted.at("/breaches/0/actualAt").isNull()).as("the breach gets its actual time").isFalse();
        assertThat(accepted.at("/breaches/0/owner").isNull()).as("nobody owned the case when the limit passed").isTrue();
        assertThat(RmaApiClient.kinds(accepted.get("timeline"))).containsSubsequence("REPORTED", "BREACH", "ESCALATED", "FIRST_OWNER", "ACCEPTED");
    }

    @Test
    void defectiveBoardWithoutOpenCaseIsQuarantinedAndAWrongBoardIsFlaggedOnTheCase() {
        SiteInfo site = fixture.addisAbaba();
        String part = fixture.part();
        String stray = fixture.installedAt(part, site);
        api.scan("tech-RC-SZX", stray, "DEFECTIVE_RECEIVE", "RC-SZX", Map.of());
        assertThat(boards.require(stray).status()).isEqualTo(BoardStatus.QUARANTINE);
        assertThat(boards.history(stray).custody()).as("the quarantine follows the receipt, after its reactions")
                .extracting(CustodyRecord::action).endsWith(MoveReason.DEFECTIVE_RECEIVE, MoveReason.QUARANTINE);

        String number = api.reportAndAccept(site, fixture.installedAt(part, site));
        api.complete("agent", number, "Task_RemoteDiagnosis", Map.of("diagnosisOutcome", "SPARE_NEEDED"));
        String other = fixture.installedAt(part, site);
        api.scan("tech-RC-SZX", other, "DEFECTIVE_RECEIVE", "RC-SZX", Map.of("caseNumber", number));
        JsonNode flagged = api.getCase(number);
        assertThat(flagged.get("wrongBoardReturned").asText()).isEqualTo(other);
        assertThat(flagged.get("state").asText()).isEqualTo("AWAITING_RETURN");
        assertThat(boards.require(other).status()).isEqualTo(BoardStatus.QUARANTINE);
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, Object> report(SiteInfo site, String serial) {
        return Map.of("customerCode", site.customerCode(), "siteId", site.id(), "faultySerial", serial,
                "symptom", "loss of frame on the STM-16 line", "channel", "HOTLINE");
    }

    private void execute(ProcessInstance instance, String timer) {
        Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(timer).singleResult();
        management.executeJob(job.getId());
    }

    private static List<String> actions(JsonNode custody) {
        return StreamSupport.stream(custody.spliterator(), false).map(e -> e.get("action").asText()).toList();
    }
}
