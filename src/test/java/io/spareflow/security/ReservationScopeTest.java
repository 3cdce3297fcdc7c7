package io.spareflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.customer.SiteInfo;
import io.spareflow.rma.RmaApiTestSupport;
import io.spareflow.user.NewUser;
import io.spareflow.user.Role;
import io.spareflow.user.Users;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A spare is held only for an open case that waits for it, at the request of its first owner or a supervisor: an agent
 * can no longer park a board for a made-up case number, nor release another agent's spare.
 */
@SpareflowIntegrationTest
class ReservationScopeTest extends RmaApiTestSupport {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Users users;

    @Test
    void onlyTheFirstOwnerOrASupervisorHoldsASpareAndOnlyForAnOpenCaseWaitingForIt() {
        String part = fixture.part();
        String otherPart = fixture.part();
        SiteInfo site = fixture.chengdu();
        SiteInfo otherSite = fixture.addisAbaba();
        String faulty = fixture.installedAt(part, site);
        String spare = fixture.inStock(part, "CTU");
        String otherAgent = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(otherAgent, "demo", "Other Agent", otherAgent + "@spareflow.local", Role.AGENT, "SZX",
                "supervisor"));

        ResponseEntity<JsonNode> madeUp = reserve("agent", part, site.id(), "FAKE-1");
        assertThat(madeUp.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(boards.require(spare).status()).isEqualTo(BoardStatus.AVAILABLE);

        String number = api.report("agent", site.customerCode(), site.id(), faulty);
        ResponseEntity<JsonNode> unaccepted = reserve("agent", part, site.id(), number);
        assertThat(unaccepted.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(unaccepted.getBody().get("detail").asText()).contains(number).contains("no first owner");
        ResponseEntity<JsonNode> notWaiting = reserve("supervisor", part, site.id(), number);
        assertThat(notWaiting.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(notWaiting.getBody().get("detail").asText()).contains("REPORTED").contains("waits for no spare");
        assertThat(boards.require(spare).status()).isEqualTo(BoardStatus.AVAILABLE);

        api.acceptNeedingASpare("agent", number);
        long held = reservedFor(number);
        assertThat(jdbc.queryForObject("select serial from spare_reservation where id = ?", String.class, held))
                .isEqualTo(spare);

        // Someone else's case: neither another agent nor depot staff release or take its spare.
        assertThat(release(otherAgent, held).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(release("depot-CTU", held).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> notTheirs = reserve(otherAgent, part, site.id(), number);
        assertThat(notTheirs.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(notTheirs.getBody().get("detail").asText()).contains("first-owned by agent");
        assertThat(boards.require(spare).status()).isEqualTo(BoardStatus.RESERVED);

        // The first owner: only the spare the case waits for, and a repeated request is the same reservation.
        ResponseEntity<JsonNode> wrongPart = reserve("agent", otherPart, site.id(), number);
        assertThat(wrongPart.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(wrongPart.getBody().get("detail").asText()).contains("waits for a spare of part " + part);
        assertThat(reserve("agent", part, otherSite.id(), number).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<JsonNode> again = reserve("agent", part, site.id(), number.toLowerCase());
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("id").asLong()).isEqualTo(held);

        ResponseEntity<JsonNode> released = release("agent", held);
        assertThat(released.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(released.getBody().get("status").asText()).isEqualTo("RELEASED");
        // A released reservation of a live case re-sources it at once (issue 10): the freed board, the only stock,
        // serves it again through the backorder, as a new reservation.
        assertThat(reservedFor(number)).isNotEqualTo(held);

        // A supervisor sources the case again.
        ResponseEntity<JsonNode> resourced = reserve("supervisor", part, site.id(), number);
        assertThat(resourced.getStatusCode().is2xxSuccessful()).as("%s", resourced.getBody()).isTrue();
        assertThat(resourced.getBody().get("caseNumber").asText()).isEqualTo(number);
        assertThat(resourced.getBody().get("serial").asText()).isEqualTo(spare);
        assertThat(boards.require(spare).status()).isEqualTo(BoardStatus.RESERVED);
    }

    private ResponseEntity<JsonNode> reserve(String user, String part, long siteId, String caseNumber) {
        return http.withBasicAuth(user, "demo").postForEntity("/api/sourcing/reservations",
                Map.of("partNumber", part, "siteId", siteId, "caseNumber", caseNumber), JsonNode.class);
    }

    /** The case's reservation holding a board now. */
    private long reservedFor(String caseNumber) {
        return jdbc.queryForObject("select id from spare_reservation where case_number = ? and status = 'RESERVED'",
                Long.class, caseNumber);
    }

    private ResponseEntity<JsonNode> release(String user, long id) {
        return http.withBasicAuth(user, "demo").exchange("/api/sourcing/reservations/" + id, HttpMethod.DELETE, null,
                JsonNode.class);
    }
}
