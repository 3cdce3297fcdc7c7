package io.spareflow.scan;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One unknown board scanned at several places at once (two nodes, two scanners, a scanner retrying) is registered once
 * and answered as if the scans had come one after the other, without ever hitting a unique key: such a collision is
 * an ERROR in the log (Hibernate's SqlExceptionHelper), which the two-node check forbids.
 */
@SpareflowIntegrationTest
class ConcurrentFoundBoardScanTest {

    private static final int SCANNERS = 8;
    private static final String CODE_OF = "(240)130103811(21)";

    @Autowired
    TestRestTemplate http;
    @Autowired
    Boards boards;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private final Logger sqlErrors = (Logger) LoggerFactory.getLogger("org.hibernate.engine.jdbc.spi.SqlExceptionHelper");
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureSqlErrors() {
        logged.start();
        sqlErrors.addAppender(logged);
    }

    @AfterEach
    void stopCapture() {
        sqlErrors.detachAppender(logged);
    }

    @Test
    void oneScanSentManyTimesAtOnceRegistersTheBoardOnceAndGetsOneAnswer() throws Exception {
        String serial = unknownSerial();
        String scanId = "test-" + UUID.randomUUID();

        List<ResponseEntity<String>> answers = atOnce(i -> scan(serial, scanId));

        assertThat(answers).allSatisfy(a -> assertThat(a.getStatusCode().value()).isEqualTo(200));
        assertThat(answers).extracting(ResponseEntity::getBody).containsOnly(answers.get(0).getBody());
        assertThat(json.readTree(answers.get(0).getBody()).get("result").asText()).isEqualTo("QUARANTINED");
        assertThat(recordedScans(scanId)).isEqualTo(1);
        assertRegisteredOnce(serial);
        assertNoConstraintViolation();
    }

    @Test
    void differentScansOfOneUnknownBoardAtOnceAreAnsweredAsOneAfterTheOther() throws Exception {
        String serial = unknownSerial();

        List<ResponseEntity<String>> answers = atOnce(i -> scan(serial, "test-" + UUID.randomUUID()));

        // One after the other: the first registers the board in quarantine; each later one finds it there, where only a
        // supervisor may take it in. Never "already registered", never a server error.
        assertThat(answers).filteredOn(a -> a.getStatusCode().value() == 200).hasSize(1)
                .allSatisfy(a -> assertThat(result(a).get("result").asText()).isEqualTo("QUARANTINED"));
        assertThat(answers).filteredOn(a -> a.getStatusCode().value() != 200).hasSize(SCANNERS - 1)
                .allSatisfy(a -> {
                    assertThat(a.getStatusCode().value()).isEqualTo(403);
                    assertThat(result(a).get("detail").asText()).contains("QUARANTINE", "only a supervisor")
                            .doesNotContain("already registered");
                });
        assertRegisteredOnce(serial);
        assertNoConstraintViolation();
    }

    private void assertRegisteredOnce(String serial) {
        assertThat(boards.require(serial).status()).isEqualTo(BoardStatus.QUARANTINE);
        assertThat(boards.history(serial).custody()).hasSize(1);
    }

    private void assertNoConstraintViolation() {
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    private long recordedScans(String scanId) {
        return jdbc.queryForObject("select count(*) from scan_event where client_scan_id = ?", Long.class, scanId);
    }

    private JsonNode result(ResponseEntity<String> answer) {
        try {
            return json.readTree(answer.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + answer.getBody(), e);
        }
    }

    /** Runs the calls on their own threads, released together so they really overlap. */
    private List<ResponseEntity<String>> atOnce(IntFunction<ResponseEntity<String>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SCANNERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<ResponseEntity<String>>> calls = new ArrayList<>();
            for (int i = 0; i < SCANNERS; i++) {
                int index = i;
                calls.add(() -> {
                    start.await();
                    return call.apply(index);
                });
            }
            List<Future<ResponseEntity<String>>> running = calls.stream().map(pool::submit).toList();
            start.countDown();
            List<ResponseEntity<String>> answers = new ArrayList<>();
            for (Future<ResponseEntity<String>> answer : running) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    private static String unknownSerial() {
        return "RACE" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    private ResponseEntity<String> scan(String serial, String clientScanId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> body = new HashMap<>(Map.of("code", CODE_OF + serial, "action", "RECEIVE", "location", "CTU",
                "clientScanId", clientScanId, "device", "test-scanner"));
        return http.withBasicAuth("depot-CTU", "demo").exchange("/api/scans", HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);
    }
}
