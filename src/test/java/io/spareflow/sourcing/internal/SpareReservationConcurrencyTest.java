package io.spareflow.sourcing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.common.Message;
import io.spareflow.customer.Customers;
import io.spareflow.sourcing.ReservationOutcome;
import io.spareflow.sourcing.SpareSourcing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many cases asking at the same instant for the last boards of a part: each board goes to exactly one case; and many
 * requests of one case line at once: one reservation.
 */
@SpareflowIntegrationTest
class SpareReservationConcurrencyTest {

    private static final int REQUESTS = 50;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Boards boards;
    @Autowired
    Customers customers;
    @Autowired
    SpareSourcing sourcing;
    @Autowired
    SpareReservationRepository reservations;

    @Test
    void fiftyParallelReservationsForEightBoardsInTwoDepotsReserveEachBoardOnceAndBackorderTheRest() throws Exception {
        StockFixture fixture = new StockFixture(jdbc, boards, customers, reservations);
        String part = fixture.part(null);
        List<String> chengdu = fixture.available(part, "CTU", 5);
        List<String> chongqing = fixture.available(part, "CKG", 3);
        long site = fixture.chengdu().id();
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            cases.add(fixture.awaiting(fixture.caseNumber(), part, site));
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(REQUESTS);
        List<Future<ResponseEntity<JsonNode>>> answers = new ArrayList<>();
        try {
            for (String caseNumber : cases) {
                Callable<ResponseEntity<JsonNode>> request = () -> {
                    start.await();
                    return http.withBasicAuth("agent", "demo").postForEntity("/api/sourcing/reservations",
                            Map.of("partNumber", part, "siteId", site, "caseNumber", caseNumber), JsonNode.class);
                };
                answers.add(clients.submit(request));
            }
            start.countDown();
            List<JsonNode> reservations = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> answer : answers) {
                ResponseEntity<JsonNode> response = answer.get();
                assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
                reservations.add(response.getBody());
            }

            Map<String, List<JsonNode>> byStatus = reservations.stream()
                    .collect(Collectors.groupingBy(r -> r.get("status").asText()));
            assertThat(byStatus.keySet()).containsExactlyInAnyOrder("RESERVED", "BACKORDER");
            List<String> reservedSerials = byStatus.get("RESERVED").stream().map(r -> r.get("serial").asText()).toList();
            assertThat(reservedSerials).hasSize(8).doesNotHaveDuplicates();
            assertThat(reservedSerials).containsExactlyInAnyOrderElementsOf(concat(chengdu, chongqing));
            assertThat(byStatus.get("RESERVED").stream().filter(r -> r.get("depotCode").asText().equals("CTU"))).hasSize(5);
            assertThat(byStatus.get("BACKORDER")).hasSize(REQUESTS - 8);
            assertThat(concat(chengdu, chongqing)).allSatisfy(serial ->
                    assertThat(boards.require(serial).status()).isEqualTo(BoardStatus.RESERVED));
            assertThat(jdbc.queryForObject("select count(*) from spare_reservation where requested_part = ? and status = 'RESERVED'",
                    Long.class, part)).isEqualTo(8);
        } finally {
            clients.shutdownNow();
            // Backorders first: released boards would otherwise serve them.
            cases.forEach(c -> fixture.openReservation(c).filter(r -> r.backorder()).ifPresent(r -> sourcing.release(c, 1, Message.of("sourcing.reason.given", "test over"))));
            fixture.closeCases();
        }
    }

    /**
     * A repeated request arriving while the first is still placing (a retried call, two nodes): each waits for the
     * line's lock and then finds the request the first one wrote, so the line gets one request and one board, and no
     * caller fails on the one-open-request-per-line index.
     */
    @Test
    void parallelRequestsOfOneCaseLineGetOneReservationAndOneBoard() throws Exception {
        StockFixture fixture = new StockFixture(jdbc, boards, customers, reservations);
        String part = fixture.part(null);
        List<String> stock = fixture.available(part, "CTU", 3);
        long site = fixture.chengdu().id();
        String caseNumber = fixture.awaiting(fixture.caseNumber(), part, site);
        int requests = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(requests);
        try {
            List<Future<ReservationOutcome>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return sourcing.reserve(part, site, caseNumber, 1);
                }));
            }
            start.countDown();
            List<ReservationOutcome> outcomes = new ArrayList<>();
            for (Future<ReservationOutcome> answer : answers) {
                outcomes.add(answer.get());
            }

            assertThat(outcomes).extracting(ReservationOutcome::reservationId).containsOnly(outcomes.get(0).reservationId());
            assertThat(outcomes).extracting(ReservationOutcome::serial).containsOnly(outcomes.get(0).serial());
            assertThat(stock).contains(outcomes.get(0).serial());
            assertThat(stock.stream().filter(serial -> boards.require(serial).status() == BoardStatus.RESERVED)).hasSize(1);
            assertThat(jdbc.queryForObject("select count(*) from spare_reservation where case_number = ?", Long.class,
                    caseNumber)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from sourcing_decision where case_number = ?", Long.class,
                    caseNumber)).isEqualTo(1);
        } finally {
            clients.shutdownNow();
            sourcing.release(caseNumber, 1, Message.of("sourcing.reason.given", "test over"));
            fixture.closeCases();
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
