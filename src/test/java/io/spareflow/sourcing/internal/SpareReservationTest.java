package io.spareflow.sourcing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.MoveContext;
import io.spareflow.board.MoveReason;
import io.spareflow.common.ConflictException;
import io.spareflow.common.Message;
import io.spareflow.customer.Customers;
import io.spareflow.scan.ScanAction;
import io.spareflow.scan.ScanAttempt;
import io.spareflow.scan.ScanGuard;
import io.spareflow.sourcing.ReservationOutcome;
import io.spareflow.sourcing.SpareReserved;
import io.spareflow.sourcing.SpareSourcing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@SpareflowIntegrationTest
@RecordApplicationEvents
class SpareReservationTest {

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
    @Autowired
    List<ScanGuard> guards;
    @Autowired
    ReservationExpiryJob expiryJob;
    @Autowired
    BackorderSweepJob backorderSweep;
    @Autowired
    ApplicationEvents events;

    StockFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new StockFixture(jdbc, boards, customers, reservations);
    }

    @AfterEach
    void closeCases() {
        fixture.closeCases();
    }

    @Test
    void withNoStockAtTheNearestDepotTheNextOneReservesAndTheDecisionIsRecorded() {
        String part = fixture.part(null);
        List<String> atGuayaquil = fixture.available(part, "GYE", 2);
        fixture.available(part, "BOG", 2);
        String caseNumber = fixture.caseNumber();

        ResponseEntity<JsonNode> created = reserve(part, fixture.quito().id(), caseNumber);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode reservation = created.getBody();
        assertThat(reservation.get("status").asText()).isEqualTo("RESERVED");
        assertThat(reservation.get("depotCode").asText()).isEqualTo("GYE");
        assertThat(reservation.get("serial").asText()).isIn(atGuayaquil);
        assertThat(reservation.get("predictedBreach").asBoolean()).isFalse();
        assertThat(boards.require(reservation.get("serial").asText()).status()).isEqualTo(BoardStatus.RESERVED);

        JsonNode decisions = http.withBasicAuth("supervisor", "demo")
                .getForObject("/api/sourcing/decisions/" + caseNumber, JsonNode.class);
        assertThat(decisions).hasSize(1);
        JsonNode decision = decisions.get(0);
        assertThat(decision.get("kind").asText()).isEqualTo("RESERVED");
        assertThat(decision.get("chosenDepot").asText()).isEqualTo("GYE");
        assertThat(decision.get("chosenSerial").asText()).isEqualTo(reservation.get("serial").asText());
        assertThat(decision.get("limitMinutes").asInt()).isEqualTo(540);
        assertThat(decision.get("reason").asText()).contains("GYE is the nearest depot with a compatible board");
        assertThat(decision.get("candidatesTotal").asInt()).isEqualTo(2);
        assertThat(decision.at("/candidates/0/depotCode").asText()).isEqualTo("GYE");
        assertThat(decision.at("/candidates/0/boardsAvailable").asInt()).isEqualTo(2);
        assertThat(decision.at("/candidates/1/depotCode").asText()).isEqualTo("BOG");
        assertThat(decision.at("/candidates/1/distanceKm").asDouble())
                .isGreaterThan(decision.at("/candidates/0/distanceKm").asDouble());
    }

    @Test
    void aRepeatedRequestOfACaseReturnsItsReservationInsteadOfASecondBoard() {
        String part = fixture.part(null);
        fixture.available(part, "CTU", 3);
        String caseNumber = fixture.caseNumber();

        ResponseEntity<JsonNode> first = reserve(part, fixture.chengdu().id(), caseNumber);
        ResponseEntity<JsonNode> again = reserve(part, fixture.chengdu().id(), caseNumber);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("id").asLong()).isEqualTo(first.getBody().get("id").asLong());
        assertThat(again.getBody().get("serial").asText()).isEqualTo(first.getBody().get("serial").asText());
        assertThat(boards.search("CTU", part, BoardStatus.RESERVED, org.springframework.data.domain.Pageable.unpaged())
                .getTotalElements()).isEqualTo(1);
        assertThat(fixture.openReservation(caseNumber)).map(ReservationOutcome::serial)
                .contains(first.getBody().get("serial").asText());

        ResponseEntity<JsonNode> otherPart = reserve(fixture.part(null), fixture.chengdu().id(), caseNumber);
        assertThat(otherPart.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(otherPart.getBody().get("detail").asText()).contains("waits for a spare of part " + part);
    }

    @Test
    void noStockAnywhereIsABackorderThatTheFirstCompatibleBoardServesOldestFirst() {
        String newer = fixture.part(null);
        String older = fixture.part(newer);
        String olderCase = fixture.caseNumber();
        String youngerCase = fixture.caseNumber();

        ResponseEntity<JsonNode> first = reserve(older, fixture.quito().id(), olderCase);
        ResponseEntity<JsonNode> second = reserve(newer, fixture.chengdu().id(), youngerCase);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody().get("status").asText()).isEqualTo("BACKORDER");
        assertThat(first.getBody().get("serial").isNull()).isTrue();
        assertThat(second.getBody().get("status").asText()).isEqualTo("BACKORDER");
        assertThat(fixture.openReservation(olderCase)).map(ReservationOutcome::backorder).contains(true);

        // A newer-part board is received at Chengdu and put away: it serves the older backorder first, although the
        // younger one is next door.
        String serial = fixture.boards(newer, "CTU", 1, BoardStatus.RECEIVED).get(0);
        boards.move(serial, BoardStatus.AVAILABLE, "CTU", null, new MoveContext(MoveReason.PUTAWAY, "depot-CTU", null, null, null, null, null));

        ReservationOutcome served = fixture.openReservation(olderCase).orElseThrow();
        assertThat(served.status()).isEqualTo(ReservationOutcome.Status.RESERVED);
        assertThat(served.serial()).isEqualTo(serial);
        assertThat(served.depotCode()).isEqualTo("CTU");
        assertThat(served.partNumber()).isEqualTo(newer);
        assertThat(served.reservationId()).isEqualTo(first.getBody().get("id").asLong());
        assertThat(boards.require(serial).status()).isEqualTo(BoardStatus.RESERVED);
        assertThat(fixture.openReservation(youngerCase)).map(ReservationOutcome::backorder).contains(true);
        assertThat(events.stream(SpareReserved.class).map(e -> e.reservation().caseNumber())).containsExactly(olderCase);

        JsonNode decisions = http.withBasicAuth("agent", "demo").getForObject("/api/sourcing/decisions/" + olderCase, JsonNode.class);
        assertThat(decisions).extracting(d -> d.get("kind").asText()).containsExactly("BACKORDER", "BACKORDER_SERVED");
        assertThat(decisions.get(0).get("reason").asText()).contains("no depot holds an AVAILABLE board of " + older)
                .contains("or of a part that supersedes it (" + newer + ")");

        // Cancelling the younger backorder leaves nothing waiting.
        sourcing.release(youngerCase, 1, Message.of("sourcing.reason.given", "customer solved it"));
        assertThat(fixture.openReservation(youngerCase)).isEmpty();
    }

    @Test
    void stockRegisteredWithoutAMoveIsFoundByTheSweep() {
        String part = fixture.part(null);
        String caseNumber = fixture.caseNumber();
        assertThat(sourcing.reserve(part, fixture.chengdu().id(), caseNumber, 1).backorder()).isTrue();

        String serial = fixture.available(part, "CKG", 1).get(0);
        assertThat(fixture.openReservation(caseNumber)).map(ReservationOutcome::backorder).contains(true);

        backorderSweep.serveBackordersWithStock();
        ReservationOutcome served = fixture.openReservation(caseNumber).orElseThrow();
        assertThat(served.backorder()).isFalse();
        assertThat(served.serial()).isEqualTo(serial);
    }

    @Test
    void releaseAndExpiryPutTheBoardBackAndAreRecorded() {
        String part = fixture.part(null);
        fixture.available(part, "CTU", 2);
        String released = fixture.caseNumber();
        String expiring = fixture.caseNumber();
        JsonNode reservation = reserve(part, fixture.chengdu().id(), released).getBody();
        JsonNode other = reserve(part, fixture.chengdu().id(), expiring).getBody();

        ResponseEntity<JsonNode> tooLong = http.withBasicAuth("agent", "demo").exchange(
                "/api/sourcing/reservations/" + reservation.get("id").asLong() + "?reason=" + "x".repeat(201),
                HttpMethod.DELETE, null, JsonNode.class);
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(boards.require(reservation.get("serial").asText()).status()).isEqualTo(BoardStatus.RESERVED);
        ResponseEntity<JsonNode> deleted = http.withBasicAuth("agent", "demo").exchange(
                "/api/sourcing/reservations/" + reservation.get("id").asLong() + "?reason=fixed remotely",
                HttpMethod.DELETE, null, JsonNode.class);
        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(deleted.getBody().get("status").asText()).isEqualTo("RELEASED");
        assertThat(deleted.getBody().get("closeReason").asText()).isEqualTo("fixed remotely");
        assertThat(boards.require(reservation.get("serial").asText()).status()).isEqualTo(BoardStatus.AVAILABLE);
        ResponseEntity<JsonNode> deletedAgain = http.withBasicAuth("agent", "demo").exchange(
                "/api/sourcing/reservations/" + reservation.get("id").asLong(), HttpMethod.DELETE, null, JsonNode.class);
        assertThat(deletedAgain.getBody().get("status").asText()).isEqualTo("RELEASED");
        assertThat(deletedAgain.getBody().get("closeReason").asText()).isEqualTo("fixed remotely");

        jdbc.update("update spare_reservation set expires_at = now() - interval '1 minute' where id = ?", other.get("id").asLong());
        expiryJob.expireOverdue();
        assertThat(fixture.openReservation(expiring)).isEmpty();
        assertThat(boards.require(other.get("serial").asText()).status()).isEqualTo(BoardStatus.AVAILABLE);
        JsonNode decisions = http.withBasicAuth("agent", "demo").getForObject("/api/sourcing/decisions/" + expiring, JsonNode.class);
        assertThat(decisions).extracting(d -> d.get("kind").asText()).containsExactly("RESERVED", "EXPIRED");
    }

    @Test
    void aPickOfAnotherCompatibleBoardIsRefusedNamingTheReservedOneAndASwapReplacesIt() {
        String newer = fixture.part(null);
        String part = fixture.part(newer);
        List<String> shelf = fixture.available(part, "CTU", 1);
        String caseNumber = fixture.awaiting(fixture.caseNumber(), part, fixture.chengdu().id());
        ReservationOutcome reserved = sourcing.reserve(part, fixture.chengdu().id(), caseNumber, 1);
        String wrong = fixture.available(newer, "CTU", 1).get(0);
        String unrelated = fixture.available(fixture.part(null), "CTU", 1).get(0);
        assertThat(reserved.serial()).isEqualTo(shelf.get(0));

        assertThat(refusals(wrong, ScanAction.PICK, "CTU")).containsExactly("Wrong board: this depot must pick serial "
                + reserved.serial() + " for case " + caseNumber + " (part " + part + ")");
        assertThat(refusals(reserved.serial(), ScanAction.PICK, "CTU")).isEmpty();
        assertThat(refusals(unrelated, ScanAction.PICK, "CTU")).isEmpty();
        assertThat(refusals(wrong, ScanAction.PICK, "CKG")).isEmpty();
        assertThat(refusals(wrong, ScanAction.RECEIVE, "CTU")).isEmpty();

        String swapUrl = "/api/sourcing/reservations/" + reserved.reservationId() + "/swap";
        ResponseEntity<JsonNode> otherDepot = http.withBasicAuth("depot-CKG", "demo")
                .postForEntity(swapUrl, Map.of("serial", wrong), JsonNode.class);
        assertThat(otherDepot.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> swapped = http.withBasicAuth("depot-CTU", "demo")
                .postForEntity(swapUrl, Map.of("serial", wrong.toLowerCase()), JsonNode.class);
        assertThat(swapped.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(swapped.getBody().get("serial").asText()).isEqualTo(wrong);
        assertThat(swapped.getBody().get("partNumber").asText()).isEqualTo(newer);
        assertThat(boards.require(wrong).status()).isEqualTo(BoardStatus.RESERVED);
        assertThat(boards.require(reserved.serial()).status()).isEqualTo(BoardStatus.AVAILABLE);
        assertThatThrownBy(() -> sourcing.swap(caseNumber, 1, unrelated, "depot-CTU")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("cannot replace part " + part);

        boards.move(wrong, BoardStatus.PICKED, "CTU", null, new MoveContext(MoveReason.PICK, "depot-CTU", null, null, caseNumber, null, null));
        ResponseEntity<JsonNode> view = http.withBasicAuth("agent", "demo")
                .getForEntity("/api/sourcing/reservations/" + reserved.reservationId(), JsonNode.class);
        assertThat(view.getBody().get("status").asText()).isEqualTo("PICKED");
        ResponseEntity<JsonNode> late = http.withBasicAuth("agent", "demo").exchange(
                "/api/sourcing/reservations/" + reserved.reservationId(), HttpMethod.DELETE, null, JsonNode.class);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refusals(reserved.serial(), ScanAction.PICK, "CTU")).isEmpty();
    }

    @Test
    void aBoardQuarantinedWhileReservedVoidsTheReservation() {
        String part = fixture.part(null);
        fixture.available(part, "CTU", 1);
        String caseNumber = fixture.caseNumber();
        ReservationOutcome reserved = sourcing.reserve(part, fixture.chengdu().id(), caseNumber, 1);

        boards.move(reserved.serial(), BoardStatus.QUARANTINE, "CTU", null,
                new MoveContext(MoveReason.QUARANTINE, "depot-CTU", null, null, null, null, "bent connector"));

        assertThat(fixture.openReservation(caseNumber)).isEmpty();
        JsonNode decisions = http.withBasicAuth("agent", "demo").getForObject("/api/sourcing/decisions/" + caseNumber, JsonNode.class);
        assertThat(decisions.get(1).get("kind").asText()).isEqualTo("RELEASED");
        assertThat(decisions.get(1).get("reason").asText()).contains("became QUARANTINE");
    }

    @Test
    void reservationsAreRefusedForRepairAndReturnCustomersAndCheckedForInput() {
        String part = fixture.part(null);
        fixture.available(part, "ADD", 1);
        long addisAbaba = fixture.site("ETC-ET", "Addis Ababa Churchill Road data center").id();

        ResponseEntity<JsonNode> bronze = reserve(part, addisAbaba, fixture.caseNumber());
        assertThat(bronze.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(bronze.getBody().get("detail").asText()).contains("tier BRONZE").contains("without advance exchange");

        ResponseEntity<JsonNode> badCase = http.withBasicAuth("agent", "demo").postForEntity("/api/sourcing/reservations",
                Map.of("partNumber", part, "siteId", fixture.chengdu().id(), "caseNumber", "case #1"), JsonNode.class);
        assertThat(badCase.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badCase.getBody().get("detail").asText()).contains("is not a case number");

        ResponseEntity<JsonNode> depotStaff = http.withBasicAuth("depot-CTU", "demo").postForEntity("/api/sourcing/reservations",
                Map.of("partNumber", part, "siteId", fixture.chengdu().id(),
                        "caseNumber", fixture.awaiting(fixture.caseNumber(), part, fixture.chengdu().id())), JsonNode.class);
        assertThat(depotStaff.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** The agent asks for a spare for their case, which waits for one of the first part it is asked with. */
    @Test
    void aDecisionsReasonIsWordedWhenReadInTheReadersLanguage() {
        String part = fixture.part(null);
        fixture.available(part, "GYE", 2);
        String caseNumber = fixture.caseNumber();
        assertThat(reserve(part, fixture.quito().id(), caseNumber).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        JsonNode english = decisionIn("en", caseNumber);
        JsonNode chosen = english.at("/candidates/0");
        String km = String.valueOf(chosen.get("distanceKm").asDouble());
        String eta = chosen.get("etaMinutes").asText();
        String tier = english.get("tier").asText();
        assertThat(chosen.get("transport").asText()).isEqualTo("ROAD");
        assertThat(english.get("reason").asText()).isEqualTo("GYE is the nearest depot with a compatible board that can be on"
                + " site within the " + tier + " limit of 540 min: GYE (Guayaquil): 2 boards available, " + km + " km, ETA " + eta
                + " min by road");
        assertThat(decisionIn("zh-CN", caseNumber).get("reason").asText()).isEqualTo("GYE 是持有兼容板卡、能在" + tier + " 的 540 分钟时限内"
                + "到场的最近备件库：GYE（Guayaquil）：2 块板卡可用，" + km + " 公里，公路运输预计 " + eta + " 分钟");
        assertThat(jdbc.queryForObject("select reason from sourcing_decision where case_number = ?", String.class, caseNumber))
                .as("the English wording is kept beside the key").isEqualTo(english.get("reason").asText());
    }

    private JsonNode decisionIn(String language, String caseNumber) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        JsonNode decisions = http.withBasicAuth("supervisor", "demo").exchange("/api/sourcing/decisions/" + caseNumber,
                HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class).getBody();
        assertThat(decisions).hasSize(1);
        return decisions.get(0);
    }

    private ResponseEntity<JsonNode> reserve(String part, long siteId, String caseNumber) {
        fixture.awaiting(caseNumber, part, siteId);
        return http.withBasicAuth("agent", "demo").postForEntity("/api/sourcing/reservations",
                Map.of("partNumber", part, "siteId", siteId, "caseNumber", caseNumber), JsonNode.class);
    }

    private List<String> refusals(String serial, ScanAction action, String location) {
        ScanAttempt attempt = new ScanAttempt(boards.require(serial), action, location, "depot-" + location);
        return guards.stream().map(g -> g.refuse(attempt)).flatMap(java.util.Optional::stream).map(Message::english).toList();
    }
}
