package io.spareflow.sourcing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.MoveContext;
import io.spareflow.board.MoveReason;
import io.spareflow.customer.SiteInfo;
import io.spareflow.notify.MailRecord;
import io.spareflow.notify.Notifications;
import io.spareflow.rma.RmaApiClient;
import io.spareflow.rma.RmaApiTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A case waiting to pick its spare never stays bound to a board that is no longer held for it: a release, an expiry or
 * a quarantine of its board sources it again in the same transaction, and the depot then picks the new board through
 * to delivery. Through the REST API and scans on PostgreSQL.
 */
@SpareflowIntegrationTest
class LostReservationApiTest extends RmaApiTestSupport {

    @Autowired
    ReservationExpiryJob expiryJob;
    @Autowired
    Notifications notifications;

    private SiteInfo mianyang;

    @BeforeEach
    void setUp() {
        mianyang = fixture.site("CMCC-SC", "Mianyang transmission hub");
    }

    @Test
    void releasedReservationOfAPlatinumCaseInMianyangIsReplacedAndTheNewBoardIsDelivered() {
        String part = fixture.part();
        String faulty = fixture.installedAt(part, mianyang);
        List<String> stock = List.of(fixture.inStock(part, "CTU"), fixture.inStock(part, "CTU"));
        String number = waitingForPick(faulty);
        String first = api.getCase(number).at("/spare/serial").asText();
        assertThat(stock).contains(first);
        String second = stock.get(0).equals(first) ? stock.get(1) : stock.get(0);
        JsonNode held = reservations(number);
        assertThat(held).hasSize(1);
        assertThat(held.get(0).get("status").asText()).isEqualTo("RESERVED");

        ResponseEntity<String> released = api.delete("agent",
                "/api/sourcing/reservations/" + held.get(0).get("id").asLong() + "?reason=board+dropped+at+the+shelf");
        assertThat(released.getStatusCode()).as(released.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(api.read(released.getBody()).get("status").asText()).isEqualTo("RELEASED");

        JsonNode resourced = api.getCase(number);
        assertThat(resourced.at("/spare/serial").asText()).as("the other board, not the released one back").isEqualTo(second);
        assertThat(resourced.get("state").asText()).isEqualTo("SPARE_DISPATCH");
        assertThat(boards.require(first).status()).isEqualTo(BoardStatus.AVAILABLE);
        assertThat(boards.require(second).status()).isEqualTo(BoardStatus.RESERVED);
        JsonNode line = RmaApiClient.lastOf(resourced.get("timeline"), "SPARE_RESOURCED");
        assertThat(line.get("text").asText()).contains(first, second, "CTU", "board dropped at the shelf");
        assertThat(statuses(reservations(number))).containsExactly("RELEASED", "RESERVED");
        assertThat(reservations(number).get(0).get("closeReason").asText()).isEqualTo("board dropped at the shelf");
        JsonNode decisions = api.read(api.get("agent", "/api/sourcing/decisions/" + number).getBody());
        assertThat(decisions).extracting(d -> d.get("kind").asText()).containsExactly("RESERVED", "RELEASED", "RESERVED");
        assertThat(notifications.forCase(number)).extracting(MailRecord::kind).contains("ESCALATION");

        assertThat(api.attemptScan("depot-CTU", first, "PICK", "CTU", Map.of()).getStatusCode())
                .as("the released board is no longer this case's spare").isEqualTo(HttpStatus.CONFLICT);
        deliver(second, "CTU", number);
    }

    @Test
    void expiredReservationBackordersTheCaseUntilTheBoardIsFreeAgainAndThePickWaitsForIt() {
        String part = fixture.part();
        String faulty = fixture.installedAt(part, mianyang);
        String only = fixture.inStock(part, "CTU");
        String number = waitingForPick(faulty);
        long id = reservations(number).get(0).get("id").asLong();

        // The clock moves past the hold: the reservation is due, and the expiry job runs.
        fixture.moveHoldIntoPast(id);
        expiryJob.expireOverdue();

        JsonNode held = reservations(number);
        assertThat(statuses(held)).containsExactly("EXPIRED", "RESERVED");
        assertThat(held.get(1).get("serial").asText())
                .as("no other board anywhere: backordered, then served by the board the expiry freed").isEqualTo(only);
        JsonNode served = api.getCase(number);
        assertThat(served.at("/spare/serial").asText()).isEqualTo(only);
        assertThat(RmaApiClient.lastOf(served.get("timeline"), "SPARE_RESOURCED").get("text").asText()).contains("backordered");
        assertThat(RmaApiClient.kinds(served.get("timeline"))).containsSubsequence("SPARE_RESERVED", "SPARE_RESOURCED", "SPARE_RESERVED");
        deliver(only, "CTU", number);
    }

    @Test
    void quarantinedReservedBoardIsReplacedByABoardOfAnotherDepot() {
        String part = fixture.part();
        String faulty = fixture.installedAt(part, mianyang);
        String atChengdu = fixture.inStock(part, "CTU");
        String number = waitingForPick(faulty);
        assertThat(api.getCase(number).at("/spare/serial").asText()).isEqualTo(atChengdu);
        String atKunming = fixture.inStock(part, "KMG");

        boards.move(atChengdu, BoardStatus.QUARANTINE, "CTU", null,
                MoveContext.system(MoveReason.QUARANTINE, null, "water damage found on the shelf"));

        JsonNode resourced = api.getCase(number);
        assertThat(resourced.at("/spare/serial").asText()).isEqualTo(atKunming);
        assertThat(resourced.at("/spare/depotCode").asText()).isEqualTo("KMG");
        assertThat(RmaApiClient.lastOf(resourced.get("timeline"), "SPARE_RESOURCED").get("text").asText()).contains(atChengdu, "QUARANTINE");
        assertThat(statuses(reservations(number))).containsExactly("RELEASED", "RESERVED");
        deliver(atKunming, "KMG", number);
    }

    @Test
    void reservationsOfACaseNeedAValidCaseNumber() {
        assertThat(api.get("agent", "/api/sourcing/reservations?caseNumber=%20").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reservations("RMA-1999-999999")).isEmpty();
    }

    /** Reported as a PLATINUM fault, accepted by agent, diagnosed SPARE_NEEDED: the spare is reserved, the pick waits. */
    private String waitingForPick(String faulty) {
        String number = api.reportNeedingSpare(mianyang.customerCode(), mianyang.id(), faulty);
        assertThat(api.getCase(number).get("tier").asText()).isEqualTo("PLATINUM");
        return number;
    }

    private void deliver(String serial, String depot, String number) {
        api.deliver(serial, depot, mianyang);
        assertThat(boards.require(serial).status()).isEqualTo(BoardStatus.INSTALLED);
        JsonNode delivered = api.getCase(number);
        assertThat(delivered.get("state").asText()).isEqualTo("AWAITING_RETURN");
        assertThat(RmaApiClient.kinds(delivered.get("timeline"))).containsSubsequence("SPARE_RESOURCED", "SPARE_PICKED", "SPARE_DELIVERED");
    }

    private JsonNode reservations(String number) {
        ResponseEntity<String> response = api.get("agent", "/api/sourcing/reservations?caseNumber=" + number);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return api.read(response.getBody());
    }

    private static List<String> statuses(JsonNode reservations) {
        List<String> statuses = new ArrayList<>();
        reservations.forEach(r -> statuses.add(r.get("status").asText()));
        return statuses;
    }
}
