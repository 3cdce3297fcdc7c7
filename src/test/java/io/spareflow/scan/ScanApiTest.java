package io.spareflow.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.board.MoveReason;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.NewBoard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

@SpareflowIntegrationTest
class ScanApiTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    TestRestTemplate http;
    @Autowired
    Boards boards;
    @Autowired
    ObjectMapper json;

    @Test
    void receivingAndPuttingAwayMovesTheBoardAndBuildsItsChainOfCustody() throws Exception {
        String serial = newBoard(BoardStatus.IN_TRANSIT, "CTU");

        JsonNode received = body(scan("depot-CTU", serial, "RECEIVE", "CTU", id()));
        JsonNode shelved = body(scan("depot-CTU", "]d2240130103811\u001D21" + serial.toLowerCase() + "\r\n", "PUTAWAY",
                "CTU", id()));

        assertThat(received.get("from").asText()).isEqualTo("IN_TRANSIT");
        assertThat(received.get("to").asText()).isEqualTo("RECEIVED");
        assertThat(received.get("next").asText()).startsWith("Put on shelf");
        assertThat(shelved.get("to").asText()).isEqualTo("AVAILABLE");
        JsonNode history = body(get("depot-CTU", "/api/boards/" + serial));
        assertThat(history.get("board").get("status").asText()).isEqualTo("AVAILABLE");
        JsonNode custody = history.get("custody");
        assertThat(custody).hasSize(3);
        assertThat(custody.get(1).get("action").asText()).isEqualTo("RECEIVE");
        assertThat(custody.get(1).get("username").asText()).isEqualTo("depot-CTU");
        assertThat(custody.get(1).get("scanId").asLong()).isEqualTo(received.get("scanId").asLong());
        assertThat(custody.get(2).get("from").asText()).isEqualTo("RECEIVED");
        assertThat(history.get("legs")).hasSize(2);
        assertThat(history.get("legs").get(1).get("status").asText()).isEqualTo("RECEIVED");
        assertThat(history.get("legs").get(1).get("seconds").asLong()).isNotNegative();
    }

    @Test
    void aRetriedScanIsAnsweredAgainAndChangesNothing() throws Exception {
        String serial = newBoard(BoardStatus.IN_TRANSIT, "CTU");
        String scanId = id();

        ResponseEntity<String> first = scan("depot-CTU", serial, "RECEIVE", "CTU", scanId);
        ResponseEntity<String> retry = scan("depot-CTU", serial, "RECEIVE", "CTU", scanId);
        ResponseEntity<String> reused = scan("depot-CTU", serial, "PUTAWAY", "CTU", scanId);

        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
        assertThat(reused.getStatusCode().value()).isEqualTo(409);
        assertThat(body(reused).get("detail").asText()).contains(scanId).contains("different scan");
        assertThat(boards.history(serial).custody()).hasSize(2);
        assertThat(boards.require(serial).status()).isEqualTo(BoardStatus.RECEIVED);
    }

    @Test
    void aRetryOfARefusedScanIsRefusedAgainEvenWhenTheMoveWouldNowBeAllowed() throws Exception {
        String serial = newBoard(BoardStatus.IN_TRANSIT, "CTU");
        String putAway = id();

        ResponseEntity<String> refused = scan("depot-CTU", serial, "PUTAWAY", "CTU", putAway);
        scan("depot-CTU", serial, "RECEIVE", "CTU", id());
        ResponseEntity<String> retry = scan("depot-CTU", serial, "PUTAWAY", "CTU", putAway);

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(retry.getStatusCode().value()).isEqualTo(409);
        assertThat(retry.getBody()).isEqualTo(refused.getBody());
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(boards.require(serial).status()).isEqualTo(BoardStatus.RECEIVED);
        assertThat(boards.history(serial).custody()).extracting(c -> c.action()).doesNotContain(MoveReason.PUTAWAY);
    }

    @Test
    void anIllegalMoveIsRefusedNamingTheStateAndAllowedActionsAndIsRecorded() throws Exception {
        String serial = newBoard(BoardStatus.AVAILABLE, "CTU");
        String scanId = id();

        ResponseEntity<String> refused = scan("depot-CTU", serial, "PICK", "CTU", scanId);

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = body(refused);
        assertThat(problem.get("detail").asText()).contains("AVAILABLE").contains("PICK");
        assertThat(problem.get("currentStatus").asText()).isEqualTo("AVAILABLE");
        assertThat(problem.get("allowedActions")).extracting(JsonNode::asText).contains("QUARANTINE")
                .doesNotContain("PICK");
        assertThat(recordedScan("CTU", scanId).get("result").asText()).isEqualTo("REFUSED");
        assertThat(recordedScan("CTU", scanId).get("reason").asText()).contains("not allowed from AVAILABLE");
        assertThat(boards.require(serial).status()).isEqualTo(BoardStatus.AVAILABLE);
    }

    @Test
    void depotStaffScanOnlyAtTheirDepotAndAgentsNotAtAll() throws Exception {
        String serial = newBoard(BoardStatus.IN_TRANSIT, "CTU");
        String elsewhere = id();

        ResponseEntity<String> otherDepot = scan("depot-PEK", serial, "RECEIVE", "CTU", elsewhere);
        ResponseEntity<String> agent = scan("agent", serial, "RECEIVE", "CTU", id());
        ResponseEntity<String> supervisor = scan("supervisor", serial, "RECEIVE", "CTU", id());

        assertThat(otherDepot.getStatusCode().value()).isEqualTo(403);
        assertThat(body(otherDepot).get("detail").asText()).contains("You work at PEK");
        assertThat(recordedScan("CTU", elsewhere).get("username").asText()).isEqualTo("depot-PEK");
        assertThat(agent.getStatusCode().value()).isEqualTo(403);
        assertThat(supervisor.getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void anUnknownBoardAtReceivingIsRegisteredInQuarantineAndFlagged() throws Exception {
        String serial = "FOUND" + SEQUENCE.incrementAndGet() + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String scanId = id();

        JsonNode found = body(scan("depot-CTU", "(240)130103811(21)" + serial, "RECEIVE", "CTU", scanId));
        ResponseEntity<String> noPart = scan("depot-CTU", serial + "X", "DEFECTIVE_RECEIVE", "CTU", id());
        ResponseEntity<String> notReceiving = scan("depot-CTU", serial + "Y", "PUTAWAY", "CTU", id());

        assertThat(found.get("result").asText()).isEqualTo("QUARANTINED");
        assertThat(found.get("flaggedForSupervisor").asBoolean()).isTrue();
        assertThat(boards.require(serial).status()).isEqualTo(BoardStatus.QUARANTINE);
        assertThat(boards.require(serial).partNumber()).isEqualTo("130103811");
        assertThat(boards.require(serial).locationCode()).isEqualTo("CTU");
        assertThat(noPart.getStatusCode().value()).isEqualTo(422);
        assertThat(body(noPart).get("detail").asText()).contains("part number is unknown");
        assertThat(body(noPart).get("flaggedForSupervisor").asBoolean()).isTrue();
        assertThat(notReceiving.getStatusCode().value()).isEqualTo(404);
        JsonNode flagged = body(get("supervisor", "/api/scans?location=CTU&flagged=true&size=500")).get("items");
        assertThat(flagged).extracting(s -> s.get("clientScanId").asText()).contains(scanId);
        ResponseEntity<String> release = scan("depot-CTU", serial, "RECEIVE", "CTU", id());
        assertThat(release.getStatusCode().value()).isEqualTo(403);
        assertThat(body(release).get("detail").asText()).contains("only a supervisor");
    }

    @Test
    void anUnreadableCodeIsRefusedSayingWhatWasRead() throws Exception {
        ResponseEntity<String> refused = scan("depot-CTU", "\u001D240130103811", "RECEIVE", "CTU", id());

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(body(refused).get("detail").asText())
                .isEqualTo("Read '<GS>240130103811': not a board code, a GS1 code without a (21) serial number (read [(240)])");
    }

    @Test
    void aScanGuardOfAnotherFeatureRefusesWithItsReason() throws Exception {
        // Lima: a depot where no other test reserves, so sourcing's own pick guard stays silent.
        String serial = newBoard(RefuseMarkedSerialsGuard.MARK, BoardStatus.RESERVED, "LIM");

        ResponseEntity<String> refused = scan("depot-LIM", serial, "PICK", "LIM", id());

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(body(refused).get("detail").asText()).startsWith("Wrong board: this depot must pick serial EXPECTED-");
        assertThat(boards.require(serial).status()).isEqualTo(BoardStatus.RESERVED);
    }

    @Test
    void aBoardAtAnotherDepotCannotBeMovedHere() throws Exception {
        String serial = newBoard(BoardStatus.RECEIVED, "PEK");

        ResponseEntity<String> refused = scan("supervisor", serial, "PUTAWAY", "CTU", id());

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(body(refused).get("detail").asText()).contains("at PEK, not here at CTU");
    }

    @Test
    void concurrentDifferentScansOfOneBoardMoveItOnce() throws Exception {
        String serial = newBoard(BoardStatus.RECEIVED, "CTU");

        List<ResponseEntity<String>> answers = inParallel(8, i -> scan("depot-CTU", serial, "PUTAWAY", "CTU", id()));

        assertThat(answers).filteredOn(a -> a.getStatusCode().value() == 200).hasSize(1);
        assertThat(answers).filteredOn(a -> a.getStatusCode().value() == 409).hasSize(7);
        assertThat(boards.history(serial).custody()).filteredOn(c -> c.action() == MoveReason.PUTAWAY).hasSize(1);
    }

    @Test
    void concurrentRetriesOfOneScanGetOneAnswerAndMoveOnce() throws Exception {
        String serial = newBoard(BoardStatus.IN_TRANSIT, "CTU");
        String scanId = id();

        List<ResponseEntity<String>> answers = inParallel(8, i -> scan("depot-CTU", serial, "RECEIVE", "CTU", scanId));

        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode().value()).isEqualTo(200));
        assertThat(answers).extracting(ResponseEntity::getBody).containsOnly(answers.get(0).getBody());
        assertThat(boards.history(serial).custody()).filteredOn(c -> c.action() == MoveReason.RECEIVE).hasSize(1);
    }

    @Test
    void repairResultNeedsTheOutcomeAndDeliverNeedsASite() throws Exception {
        String serial = newBoard(BoardStatus.IN_REPAIR, "RC-SZX");

        ResponseEntity<String> noOutcome = scan("tech-RC-SZX", serial, "REPAIR_RESULT", "RC-SZX", id());
        JsonNode nff = body(post("tech-RC-SZX", Map.of("code", serial, "action", "REPAIR_RESULT", "location", "RC-SZX",
                "clientScanId", id(), "result", "NFF")));

        assertThat(noOutcome.getStatusCode().value()).isEqualTo(400);
        assertThat(body(noOutcome).get("detail").asText()).contains("REPAIRED or NFF");
        assertThat(nff.get("to").asText()).isEqualTo("NFF");
        assertThat(nff.get("next").asText()).startsWith("Pack for return to stock");
    }

    @Test
    void aPhotoOfABoardLabelDecodesToItsBoardCode() throws Exception {
        String serial = newBoard(BoardStatus.AVAILABLE, "CTU");
        byte[] label = http.withBasicAuth("depot-CTU", "demo")
                .getForEntity("/api/boards/" + serial + "/label.png?size=4x2", byte[].class).getBody();

        JsonNode decoded = body(upload("label.png", label));
        ResponseEntity<String> notAnImage = upload("notes.txt", "hello".getBytes());

        assertThat(decoded.get("code").get("serial").asText()).isEqualTo(serial);
        assertThat(decoded.get("code").get("partNumber").asText()).isEqualTo("130103811");
        assertThat(decoded.get("symbols")).extracting(s -> s.get("format").asText()).contains("DATA_MATRIX", "CODE_128");
        assertThat(notAnImage.getStatusCode().value()).isEqualTo(400);
        assertThat(body(notAnImage).get("detail").asText()).contains("PNG or JPEG");
    }

    private ResponseEntity<String> upload(String filename, byte[] content) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("photo", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth("depot-CTU", "demo").exchange("/api/scans/decode", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
    }

    private List<ResponseEntity<String>> inParallel(int count, java.util.function.IntFunction<ResponseEntity<String>> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Callable<ResponseEntity<String>>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                calls.add(() -> call.apply(index));
            }
            List<ResponseEntity<String>> answers = new ArrayList<>();
            for (Future<ResponseEntity<String>> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    private String newBoard(BoardStatus status, String location) {
        return newBoard("SCANT", status, location);
    }

    private String newBoard(String prefix, BoardStatus status, String location) {
        String serial = prefix + SEQUENCE.incrementAndGet() + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        boards.register(new NewBoard(serial, "130103811", null, status, location, null));
        return serial;
    }

    private static String id() {
        return "test-" + UUID.randomUUID();
    }

    private ResponseEntity<String> scan(String user, String code, String action, String location, String clientScanId) {
        return post(user, Map.of("code", code, "action", action, "location", location, "clientScanId", clientScanId,
                "device", "test-scanner"));
    }

    private ResponseEntity<String> post(String user, Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange("/api/scans", HttpMethod.POST,
                new HttpEntity<>(new HashMap<>(body), headers), String.class);
    }

    private ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

    private JsonNode recordedScan(String location, String clientScanId) throws Exception {
        JsonNode items = body(get("supervisor", "/api/scans?location=" + location + "&size=500")).get("items");
        for (JsonNode item : items) {
            if (item.get("clientScanId").asText().equals(clientScanId)) {
                return item;
            }
        }
        throw new AssertionError("scan " + clientScanId + " was not recorded at " + location);
    }

    private JsonNode body(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody());
    }
}
