package io.spareflow.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.customer.SiteInfo;
import io.spareflow.label.LabelTools;
import io.spareflow.rma.RmaApiTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * At the repair center the return label on a box, scanned at DEFECTIVE_RECEIVE, binds the box to its case for that
 * technician and device; the board inside is then scanned by its own label and compared with the serial the case
 * expects: another board is flagged on the case at once, nobody types a case number. The codes scanned are the ones
 * dmtxread reads off the printed labels, as a scanner would send them.
 */
@SpareflowIntegrationTest
class ReturnLabelScanTest extends RmaApiTestSupport {

    private static final String TECH = "tech-RC-SZX";
    private static final String CENTER = "RC-SZX";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path dir;

    @Test
    void anotherBoardInABoxBoundByItsReturnLabelIsFlaggedOnTheCase() throws Exception {
        AwaitedReturn awaited = awaitingReturn();
        String other = fixture.installedAt(awaited.part(), fixture.addisAbaba());

        JsonNode bound = scan(returnLabelCode(awaited.caseNumber()), "DEFECTIVE_RECEIVE", "wedge-1");
        assertThat(bound.get("result").asText()).isEqualTo("BOUND");
        assertThat(bound.get("serial").asText()).isEqualTo(awaited.serial());
        assertThat(bound.get("next").asText()).contains(awaited.caseNumber()).contains(awaited.serial());

        JsonNode wrong = scan(boardLabelCode(other), "DEFECTIVE_RECEIVE", "wedge-1");
        assertThat(wrong.get("result").asText()).isEqualTo("ACCEPTED");
        assertThat(wrong.get("flaggedForSupervisor").asBoolean()).isTrue();
        assertThat(wrong.get("next").asText()).contains(awaited.caseNumber()).contains(awaited.serial()).contains(other);
        JsonNode flagged = api.getCase(awaited.caseNumber());
        assertThat(flagged.get("wrongBoardReturned").asText()).isEqualTo(other);
        assertThat(flagged.get("state").asText()).isEqualTo("AWAITING_RETURN");
        assertThat(boards.require(other).status()).isEqualTo(BoardStatus.QUARANTINE);

        // The binding was used up by that board: the right board comes in a new box with the label scanned again.
        scan(returnLabelCode(awaited.caseNumber()), "DEFECTIVE_RECEIVE", "wedge-1");
        JsonNode right = scan(boardLabelCode(awaited.serial()), "DEFECTIVE_RECEIVE", "wedge-1");
        assertThat(right.get("flaggedForSupervisor").asBoolean()).isFalse();
        assertThat(right.get("to").asText()).isEqualTo("DEFECTIVE_RECEIVED");
        assertThat(api.getCase(awaited.caseNumber()).get("state").asText()).isEqualTo("IN_REPAIR");
    }

    @Test
    void aBindingHoldsForItsOwnDeviceOnlyAndLapses() throws Exception {
        AwaitedReturn awaited = awaitingReturn();
        String code = returnLabelCode(awaited.caseNumber());

        scan(code, "DEFECTIVE_RECEIVE", "wedge-A");
        String strayOnB = fixture.installedAt(awaited.part(), fixture.chengdu());
        JsonNode otherDevice = scan(boardLabelCode(strayOnB), "DEFECTIVE_RECEIVE", "wedge-B");
        assertThat(otherDevice.get("flaggedForSupervisor").asBoolean()).isFalse();
        assertThat(api.getCase(awaited.caseNumber()).get("wrongBoardReturned").isNull())
                .as("a board scanned on another device is not checked against wedge-A's box").isTrue();

        jdbc.update("update scan_box_binding set bound_at = now() - interval '1 hour', expires_at = now() - interval '1 minute'"
                + " where username = ? and device = 'wedge-A'", TECH);
        String strayOnA = fixture.installedAt(awaited.part(), fixture.chengdu());
        JsonNode lapsed = scan(boardLabelCode(strayOnA), "DEFECTIVE_RECEIVE", "wedge-A");
        assertThat(lapsed.get("flaggedForSupervisor").asBoolean()).isFalse();
        assertThat(api.getCase(awaited.caseNumber()).get("wrongBoardReturned").isNull()).as("a lapsed binding").isTrue();
    }

    @Test
    void aReturnLabelScannedForAnotherActionIsRefusedWithTheReason() throws Exception {
        AwaitedReturn awaited = awaitingReturn();

        ResponseEntity<String> refused = post(returnLabelCode(awaited.caseNumber()), "RECEIVE", "wedge-1");

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("return label of case " + awaited.caseNumber()).contains("DEFECTIVE_RECEIVE");
    }

    @Test
    void theScanParserTellsAReturnLabelFromABoardLabel() {
        ScanCode label = ScanCode.parse("]d2\u001D010952400000001921SZ2114000417\u001D400RMA-2026-000123");
        ScanCode board = ScanCode.parse("]d2010952400000001921SZ2114000417\u001D240130103811");

        assertThat(label.isReturnLabel()).isTrue();
        assertThat(label.caseNumber()).isEqualTo("RMA-2026-000123");
        assertThat(label.serial()).isEqualTo("SZ2114000417");
        assertThat(board.isReturnLabel()).isFalse();
        assertThat(board.gtin()).isEqualTo("09524000000019");
        assertThat(board.serial()).isEqualTo("SZ2114000417");
        assertThat(board.partNumber()).isEqualTo("130103811");
        assertThat(ScanCode.parse("(240)130103811(21)SZ2114000417").serial()).as("labels printed before the GTIN")
                .isEqualTo("SZ2114000417");
        assertThat(ScanCode.parse("(01)09524000000019(400)RMA-2026-000123").serial()).as("serial too long for GS1").isNull();
    }

    private record AwaitedReturn(String caseNumber, String serial, String part) {
    }

    /** A BRONZE (repair-and-return) case whose defective board is expected back. */
    private AwaitedReturn awaitingReturn() {
        SiteInfo site = fixture.addisAbaba();
        String part = fixture.part();
        String faulty = fixture.installedAt(part, site);
        String number = api.report("agent", site.customerCode(), site.id(), faulty);
        api.complete("agent", number, "Task_AcceptCase", Map.of());
        api.complete("agent", number, "Task_RemoteDiagnosis", Map.of("diagnosisOutcome", "SPARE_NEEDED"));
        assertThat(api.getCase(number).get("state").asText()).isEqualTo("AWAITING_RETURN");
        return new AwaitedReturn(number, faulty, part);
    }

    /** The GS1 DataMatrix of the case's printed return label, as dmtxread reads it (FNC1 first, as GS). */
    private String returnLabelCode(String caseNumber) throws Exception {
        return printedDataMatrix("/api/cases/" + caseNumber + "/return-label.png");
    }

    private String boardLabelCode(String serial) throws Exception {
        return printedDataMatrix("/api/boards/" + serial + "/label.png?size=4x2");
    }

    /** Printed by a supervisor: the board's own label was printed long before, where the board then was. */
    private String printedDataMatrix(String path) throws Exception {
        ResponseEntity<byte[]> png = http.withBasicAuth("supervisor", "demo").getForEntity(path, byte[].class);
        assertThat(png.getStatusCode().value()).as(path).isEqualTo(200);
        List<String> codes = LabelTools.dataMatrices(Files.write(dir.resolve(UUID.randomUUID() + ".png"), png.getBody()), 1);
        assertThat(codes).hasSize(1);
        return "\u001D" + codes.get(0);
    }

    private JsonNode scan(String code, String action, String device) {
        ResponseEntity<String> response = post(code, action, device);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return api.read(response.getBody());
    }

    private ResponseEntity<String> post(String code, String action, String device) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("action", action);
        body.put("location", CENTER);
        body.put("device", device);
        body.put("clientScanId", UUID.randomUUID().toString());
        return api.post(TECH, "/api/scans", body);
    }
}
