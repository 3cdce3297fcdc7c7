package io.spareflow.rma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.customer.SiteInfo;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Cases with several boards (lines) through the REST API and scans on PostgreSQL: a report without a board, a
 * diagnosis naming two, each line with its own spare, return and repair; a board added later; a spare dead on arrival;
 * a line cancelled while the other goes on. The stall audit finds nothing on any of them.
 */
@SpareflowIntegrationTest
class CaseLinesApiTest extends RmaApiTestSupport {

    @Test
    void reportWithoutABoardThenTwoBoardsFoundBothSparedFromTwoDepotsReturnedRepairedAndClosed() {
        String part = fixture.part();
        SiteInfo site = fixture.chengdu();
        String first = fixture.installedAt(part, site);
        String second = fixture.installedAt(part, site);
        String spareNear = fixture.inStock(part, "CTU");
        String spareFar = fixture.inStock(part, "KMG");

        String number = reportWithoutBoard(site);
        JsonNode reported = api.getCase(number);
        assertThat(reported.get("lines")).isEmpty();
        assertThat(reported.get("faultySerial").isNull()).isTrue();
        api.accept("agent", number);

        String diagnosis = api.taskOf("agent", number, "Task_RemoteDiagnosis");
        ResponseEntity<String> noBoard = api.post("agent", "/api/tasks/" + diagnosis + "/complete", Map.of("diagnosisOutcome", "SPARE_NEEDED"));
        assertThat(noBoard.getStatusCode()).as("a spare for no board").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noBoard.getBody()).contains("faultySerials");
        ResponseEntity<String> foreign = api.post("agent", "/api/tasks/" + diagnosis + "/complete",
                Map.of("diagnosisOutcome", "SPARE_NEEDED", "faultySerials", spareNear));
        assertThat(foreign.getStatusCode()).as("a board in stock is no faulty board of the site").isEqualTo(HttpStatus.BAD_REQUEST);
        api.completeTask("agent", diagnosis, Map.of("diagnosisOutcome", "SPARE_NEEDED", "faultySerials", first + ", " + second));

        JsonNode sourced = api.getCase(number);
        assertThat(serials(sourced)).containsExactly(first, second);
        assertThat(sourced.at("/lines/0/spare/serial").asText()).isEqualTo(spareNear);
        assertThat(sourced.at("/lines/0/spare/depotCode").asText()).isEqualTo("CTU");
        assertThat(sourced.at("/lines/1/spare/serial").asText()).as("the second spare from the next depot").isEqualTo(spareFar);
        assertThat(sourced.at("/lines/1/spare/depotCode").asText()).isEqualTo("KMG");
        assertThat(api.attemptScan("agent", first, "PICK", "CTU", Map.of()).getStatusCode().is2xxSuccessful()).isFalse();

        api.deliver(spareNear, "CTU", site);
        JsonNode oneDelivered = api.getCase(number);
        assertThat(RmaApiClient.clock(oneDelivered.get("slaClocks"), "SPARE_ON_SITE").get("metAt").isNull())
                .as("the case's spare is on site when every line's is").isTrue();
        assertThat(RmaApiClient.clock(oneDelivered.at("/lines/0/clocks"), "SPARE_ON_SITE").get("metAt").isNull()).isFalse();
        api.deliver(spareFar, "KMG", site);
        JsonNode delivered = api.getCase(number);
        assertThat(RmaApiClient.clock(delivered.get("slaClocks"), "SPARE_ON_SITE").get("metAt").isNull()).isFalse();
        assertThat(lineStates(delivered)).containsExactly("AWAITING_RETURN", "AWAITING_RETURN");

        repairIntoStock(number, first);
        JsonNode half = api.getCase(number);
        assertThat(lineStates(half)).containsExactly("FINISHED", "AWAITING_RETURN");
        assertThat(half.get("state").asText()).isEqualTo("AWAITING_RETURN");
        assertThat(half.at("/lines/0/repair/outcome").asText()).isEqualTo("REPAIRED");
        repairIntoStock(number, second);

        JsonNode resolved = api.getCase(number);
        assertThat(resolved.get("state").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.at("/lines/1/repair/serial").asText()).isEqualTo(second);
        assertThat(resolved.at("/lines/1/return/receivedAt").isNull()).isFalse();
        assertThat(api.stalledOf(number)).isEmpty();
        api.complete("agent", number, "Task_CloseCase", Map.of("resolution", "two boards exchanged and repaired"));
        JsonNode closed = api.getCase(number);
        assertThat(closed.get("state").asText()).isEqualTo("CLOSED");
        closed.get("slaClocks").forEach(c -> assertThat(c.get("metAt").isNull()).as(c.toString()).isFalse());
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
        assertThat(boards.require(first).status()).isEqualTo(BoardStatus.AVAILABLE);
        assertThat(boards.require(second).status()).isEqualTo(BoardStatus.AVAILABLE);
    }

    @Test
    void aSecondBoardAddedToAnOpenCaseGetsItsOwnSpareAndABoardNobodyRegisteredIsRegisteredOnTheSpot() {
        String part = fixture.part();
        SiteInfo site = fixture.chengdu();
        String first = fixture.installedAt(part, site);
        String spare1 = fixture.inStock(part, "CTU");
        String spare2 = fixture.inStock(part, "CTU");
        String number = api.reportNeedingSpare(site.customerCode(), site.id(), first);

        String unknown = fixture.serial();
        ResponseEntity<String> withoutPart = api.post("agent", "/api/cases/" + number + "/lines", Map.of("serial", unknown));
        assertThat(withoutPart.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.post("supervisor", "/api/cases/" + number + "/lines", Map.of("serial", first)).getStatusCode())
                .as("the board is on this open case already").isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.post("depot-CTU", "/api/cases/" + number + "/lines", Map.of("serial", unknown, "partNumber", part)).getStatusCode())
                .as("depot staff do not change a case's boards").isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> added = api.post("agent", "/api/cases/" + number + "/lines", Map.of("serial", unknown, "partNumber", part));
        assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode twoLines = api.read(added.getBody());
        assertThat(serials(twoLines)).containsExactly(first, unknown);
        assertThat(twoLines.at("/lines/1/registeredOnSite").asBoolean()).isTrue();
        assertThat(twoLines.at("/lines/1/spare/serial").asText()).as("sourced at once").isIn(spare1, spare2);
        assertThat(boards.require(unknown).status()).isEqualTo(BoardStatus.INSTALLED);
        assertThat(boards.require(unknown).siteId()).isEqualTo(site.id());
        assertThat(api.post("agent", "/api/cases", Map.of("customerCode", site.customerCode(), "siteId", site.id(),
                "faultySerial", unknown, "symptom", "again", "channel", "HOTLINE")).getStatusCode())
                .as("one open case per board, per line").isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.stalledOf(number)).isEmpty();
    }

    @Test
    void aSpareDeadOnArrivalIsReplacedAtOnceAndComesBackForARepairFlaggedDoa() {
        String part = fixture.part();
        SiteInfo site = fixture.chengdu();
        String faulty = fixture.installedAt(part, site);
        String dead = fixture.inStock(part, "CTU");
        String replacement = fixture.inStock(part, "CTU");
        String number = api.reportNeedingSpare(site.customerCode(), site.id(), faulty);
        assertThat(api.post("agent", "/api/cases/" + number + "/lines/1/doa", Map.of("reason", "no light")).getStatusCode())
                .as("not delivered yet").isEqualTo(HttpStatus.CONFLICT);
        api.deliver(dead, "CTU", site);

        ResponseEntity<String> doa = api.post("agent", "/api/cases/" + number + "/lines/1/doa", Map.of("reason", "no power LED"));
        assertThat(doa.getStatusCode()).as(doa.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode replaced = api.read(doa.getBody());
        assertThat(serials(replaced)).containsExactly(faulty, dead);
        assertThat(replaced.at("/lines/1/doaOfLine").asInt()).isEqualTo(1);
        assertThat(replaced.at("/lines/1/spare/serial").asText()).isEqualTo(replacement);
        assertThat(RmaApiClient.kinds(replaced.get("timeline"))).contains("DEAD_ON_ARRIVAL");

        api.deliver(replacement, "CTU", site);
        repairIntoStock(number, dead);
        JsonNode repair = api.read(api.get("agent", "/api/repairs/" + number + "?serial=" + dead).getBody());
        assertThat(repair.get("deadOnArrival").asBoolean()).isTrue();
        repairIntoStock(number, faulty);
        assertThat(api.read(api.get("agent", "/api/repairs/" + number + "?serial=" + faulty).getBody())
                .get("deadOnArrival").asBoolean()).isFalse();
        assertThat(api.getCase(number).get("state").asText()).isEqualTo("RESOLVED");
        assertThat(api.stalledOf(number)).isEmpty();
    }

    @Test
    void aLineCancelledWhileTheOtherGoesOnReleasesItsSpareAndTheCaseClosesOnTheOther() {
        String part = fixture.part();
        SiteInfo site = fixture.chengdu();
        String first = fixture.installedAt(part, site);
        String second = fixture.installedAt(part, site);
        String spare1 = fixture.inStock(part, "CTU");
        String spare2 = fixture.inStock(part, "CTU");
        String number = reportWithoutBoard(site);
        api.accept("agent", number);
        api.complete("agent", number, "Task_RemoteDiagnosis", Map.of("diagnosisOutcome", "SPARE_NEEDED",
                "faultySerials", first + " " + second));
        String cancelledSpare = api.getCase(number).at("/lines/1/spare/serial").asText();
        assertThat(cancelledSpare).isIn(spare1, spare2);

        ResponseEntity<String> cancelled = api.post("agent", "/api/cases/" + number + "/lines/2/cancel",
                Map.of("reason", "second board works after a reset"));
        assertThat(cancelled.getStatusCode()).as(cancelled.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(lineStates(api.read(cancelled.getBody()))).containsExactly("SPARE_DISPATCH", "CANCELLED");
        assertThat(boards.require(cancelledSpare).status()).as("its spare is released").isEqualTo(BoardStatus.AVAILABLE);
        assertThat(api.post("agent", "/api/cases/" + number + "/lines/2/cancel", Map.of("reason", "again")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.post("agent", "/api/cases/" + number + "/lines/2/cancel", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        String keptSpare = api.getCase(number).at("/lines/0/spare/serial").asText();
        api.deliver(keptSpare, "CTU", site);
        repairIntoStock(number, first);
        JsonNode resolved = api.getCase(number);
        assertThat(resolved.get("state").asText()).isEqualTo("RESOLVED");
        assertThat(lineStates(resolved)).containsExactly("FINISHED", "CANCELLED");
        assertThat(api.stalledOf(number)).isEmpty();
        api.complete("agent", number, "Task_CloseCase", Map.of("resolution", "one board exchanged"));
        assertThat(api.getCase(number).get("state").asText()).isEqualTo("CLOSED");
        assertThat(boards.require(second).status()).as("the board of the cancelled line stays installed").isEqualTo(BoardStatus.INSTALLED);
    }

    // ------------------------------------------------------------------ helpers

    private String reportWithoutBoard(SiteInfo site) {
        ResponseEntity<String> reported = api.post("agent", "/api/cases", Map.of("customerCode", site.customerCode(),
                "siteId", site.id(), "symptom", "site down, alarms on several shelves", "channel", "HOTLINE"));
        assertThat(reported.getStatusCode()).as(reported.getBody()).isEqualTo(HttpStatus.CREATED);
        return api.read(reported.getBody()).get("number").asText();
    }

    /** The board comes back, is repaired at RC-SZX and put away at the depot the repair order chose. */
    private void repairIntoStock(String number, String serial) {
        api.takeIntoRepair(number, serial);
        api.complete("tech-RC-SZX", number, "Task_DiagnoseBoard", Map.of("finding", "laser bias out of range", "diagnosis", "FAULT_CONFIRMED"));
        api.complete("tech-RC-SZX", number, "Task_RepairBoard", Map.of("actions", "replaced TOSA module"));
        api.complete("tech-RC-SZX", number, "Task_TestBoard", Map.of("testResult", "PASS"));
        String depot = api.read(api.get("agent", "/api/repairs/" + number + "?serial=" + serial).getBody()).get("returnDepot").asText();
        api.scan("tech-RC-SZX", serial, "PACK", "RC-SZX", Map.of());
        api.scan("tech-RC-SZX", serial, "SHIP", "RC-SZX", Map.of());
        api.scan("depot-" + depot, serial, "RECEIVE", depot, Map.of());
        api.scan("depot-" + depot, serial, "PUTAWAY", depot, Map.of());
    }

    private static List<String> serials(JsonNode view) {
        return StreamSupport.stream(view.get("lines").spliterator(), false).map(l -> l.get("serial").asText()).toList();
    }

    private static List<String> lineStates(JsonNode view) {
        return StreamSupport.stream(view.get("lines").spliterator(), false).map(l -> l.get("state").asText()).toList();
    }
}
