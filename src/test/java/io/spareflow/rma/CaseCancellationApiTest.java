package io.spareflow.rma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.customer.SiteInfo;
import io.spareflow.notify.MailRecord;
import io.spareflow.notify.Notifications;
import io.spareflow.user.NewUser;
import io.spareflow.user.Role;
import io.spareflow.user.Users;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code POST /api/cases/{number}/cancel} on PostgreSQL and the real engine: who may cancel, the reason, a second
 * cancel, the released reservation, the ended process and tasks, the customer's mail, the serial free for a new case,
 * and a spare already on its way awaited back at its depot (and seen by the stall audit while it is).
 */
@SpareflowIntegrationTest
class CaseCancellationApiTest extends RmaApiTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Users users;
    @Autowired
    Notifications notifications;
    @Autowired
    TaskService tasks;
    @Autowired
    MessageSource messages;

    private SiteInfo site;
    private String part;

    @BeforeEach
    void setUp() {
        site = fixture.chengdu();
        part = fixture.part();
    }

    @Test
    void theFirstOwnerCancelsACaseWaitingForItsPick() {
        String faulty = fixture.installedAt(part, site);
        String spare = fixture.inStock(part, "CTU");
        String number = api.reportNeedingSpare(site.customerCode(), site.id(), faulty);
        assertThat(boards.require(spare).status()).isEqualTo(BoardStatus.RESERVED);

        ResponseEntity<String> cancelled = cancel("agent", number, "customer replaced the shelf themselves");

        assertThat(cancelled.getStatusCode()).as(cancelled.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode c = api.read(cancelled.getBody());
        assertThat(c.get("state").asText()).isEqualTo("CANCELLED");
        assertThat(c.at("/cancellation/by").asText()).isEqualTo("agent");
        assertThat(c.at("/cancellation/reason").asText()).isEqualTo("customer replaced the shelf themselves");
        assertThat(c.at("/cancellation/returningSpares").isEmpty()).isTrue();
        assertThat(RmaApiClient.kinds(c.get("timeline"))).endsWith("CANCELLED");
        assertThat(boards.require(spare).status()).as("the reservation is released").isEqualTo(BoardStatus.AVAILABLE);
        assertThat(jdbc.queryForObject("select count(*) from spare_reservation where case_number = ? and status in ('RESERVED', 'BACKORDER')",
                Integer.class, number)).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).as("every process ended").isZero();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(number).count()).isZero();
        assertThat(notifications.forCase(number)).filteredOn(m -> m.kind().equals("MILESTONE_CANCELLED"))
                .isNotEmpty().allSatisfy(m -> assertThat(m.subject()).contains(number))
                // each contact reads it in their language: the operator's Sichuan contacts in Chinese
                .filteredOn(m -> m.recipient().endsWith("@sc.chinamobile.example"))
                .isNotEmpty().allSatisfy(m -> assertThat(m.subject()).isEqualTo(
                        messages.getMessage("stalls.mail.cancelled.subject", new Object[] {number}, Locale.SIMPLIFIED_CHINESE)));
        assertThat(api.stalledOf(number)).isEmpty();

        ResponseEntity<String> again = cancel("agent", number, "once more");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(api.read(again.getBody()).get("detail").asText()).contains(number, "CANCELLED");
        assertThat(RmaApiClient.kinds(api.getCase(number).get("timeline"))).as("not applied twice").containsOnlyOnce("CANCELLED");

        String reportedAgain = api.report("agent", site.customerCode(), site.id(), faulty);
        assertThat(reportedAgain).as("a cancelled case frees its serial, like a closed one").isNotEqualTo(number);
    }

    @Test
    void onlyTheFirstOwnerOrASupervisorCancelsAndOnlyWithAReason() {
        String number = api.reportNeedingSpare(site.customerCode(), site.id(), fixture.installedAt(part, site));
        String otherAgent = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(otherAgent, "demo", "Other Agent", otherAgent + "@spareflow.local", Role.AGENT, "SZX",
                "supervisor"));

        ResponseEntity<String> stranger = cancel(otherAgent, number, "not mine");
        assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.read(stranger.getBody()).get("detail").asText()).contains(number, "agent");
        assertThat(cancel("quality", number, "reads only").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(cancel("depot-CTU", number, "not a depot's call").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> blank = cancel("agent", number, "  ");
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(blank.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(blank.getBody()).contains("reason");
        assertThat(api.post("agent", "/api/cases/" + number + "/cancel", Map.of()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(cancel("agent", number, "x".repeat(1001)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.getCase(number).get("state").asText()).as("nothing refused changed the case").isNotEqualTo("CANCELLED");

        ResponseEntity<String> bySupervisor = cancel("supervisor", number, "duplicate of another case");
        assertThat(bySupervisor.getStatusCode()).as(bySupervisor.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(api.read(bySupervisor.getBody()).at("/cancellation/by").asText()).isEqualTo("supervisor");
        assertThat(cancel("agent", "RMA-2000-999999", "no such case").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aSpareAlreadyShippedIsAwaitedBackAtItsDepotAndTheAuditWatchesIt() {
        String spare = fixture.inStock(part, "CTU");
        String number = api.reportNeedingSpare(site.customerCode(), site.id(), fixture.installedAt(part, site));
        api.ship(spare, "CTU");

        JsonNode c = api.read(cancel("agent", number, "site decommissioned").getBody());

        assertThat(c.get("state").asText()).isEqualTo("CANCELLED");
        assertThat(c.at("/cancellation/returningSpares/0").asText()).isEqualTo(spare);
        assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(number)
                .activityId(RmaCaseBpmn.TASK_AWAIT_SPARE_RETURN).count()).as("the process waits for the board").isOne();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(SpareDispatchBpmn.PROCESS_KEY)
                .processInstanceBusinessKey(number).count()).as("the dispatch ended").isZero();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(number).count()).isZero();
        assertThat(api.stalledOf(number)).as("the board can still come back").isEmpty();

        ResponseEntity<String> delivered = api.attemptScan("depot-CTU", spare, "DELIVER", "CTU", Map.of("siteId", site.id()));
        assertThat(delivered.getStatusCode()).as(delivered.getBody()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.read(delivered.getBody()).get("detail").asText()).contains(spare, number, "cancelled", "CTU");
        assertThat(boards.require(spare).status()).as("the refused delivery is rolled back").isEqualTo(BoardStatus.IN_TRANSIT);
        assertThat(api.stalledOf(number)).isEmpty();

        // Behind the application's back the board ends up installed: the cancelled case's wait can no longer complete.
        jdbc.update("update board set status = 'INSTALLED' where serial = ?", spare);
        assertThat(api.stalledOf(number)).extracting(s -> s.get("step").asText()).containsExactly(RmaCaseBpmn.TASK_AWAIT_SPARE_RETURN);
        jdbc.update("update board set status = 'IN_TRANSIT' where serial = ?", spare);

        api.scan("depot-CTU", spare, "RECEIVE", "CTU", Map.of());
        assertThat(api.getCase(number).at("/cancellation/returningSpares/0").asText()).isEqualTo(spare);
        api.scan("depot-CTU", spare, "PUTAWAY", "CTU", Map.of());

        JsonNode back = api.getCase(number);
        assertThat(back.at("/cancellation/returningSpares").isEmpty()).isTrue();
        assertThat(RmaApiClient.kinds(back.get("timeline"))).endsWith("CANCELLED", "SPARE_RETURNED");
        assertThat(boards.require(spare).status()).isEqualTo(BoardStatus.AVAILABLE);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
    }

    @Test
    void aSparePickedOrPackedAtTheDepotIsPutBack() {
        String picked = fixture.inStock(part, "CTU");
        String first = api.reportNeedingSpare(site.customerCode(), site.id(), fixture.installedAt(part, site));
        api.scan("depot-CTU", picked, "PICK", "CTU", Map.of());
        String packed = fixture.inStock(part, "CTU");
        String second = api.reportNeedingSpare(site.customerCode(), site.id(), fixture.installedAt(part, site));
        assertThat(api.getCase(second).at("/spare/serial").asText()).isEqualTo(packed);
        api.scan("depot-CTU", packed, "PICK", "CTU", Map.of());
        api.scan("depot-CTU", packed, "PACK", "CTU", Map.of());

        assertThat(api.read(cancel("agent", first, "wrong customer").getBody()).at("/cancellation/returningSpares/0").asText()).isEqualTo(picked);
        assertThat(api.read(cancel("supervisor", second, "wrong customer").getBody()).at("/cancellation/returningSpares/0").asText()).isEqualTo(packed);
        api.scan("depot-CTU", picked, "PUTAWAY", "CTU", Map.of());
        api.scan("depot-CTU", packed, "PUTAWAY", "CTU", Map.of());

        for (String number : List.of(first, second)) {
            assertThat(RmaApiClient.kinds(api.getCase(number).get("timeline"))).endsWith("SPARE_RETURNED");
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
        }
        assertThat(boards.require(picked).status()).isEqualTo(BoardStatus.AVAILABLE);
        assertThat(boards.require(packed).status()).isEqualTo(BoardStatus.AVAILABLE);
    }

    @Test
    void cancellingACaseWithTwoLinesCancelsBothAndAwaitsOnlyTheShippedSpare() {
        String shipped = fixture.inStock(part, "CTU");
        String number = api.reportNeedingSpare(site.customerCode(), site.id(), fixture.installedAt(part, site));
        api.ship(shipped, "CTU");
        String reserved = fixture.inStock(part, "CTU");
        ResponseEntity<String> added = api.post("agent", "/api/cases/" + number + "/lines",
                Map.of("serial", fixture.installedAt(part, site)));
        assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(boards.require(reserved).status()).isEqualTo(BoardStatus.RESERVED);

        JsonNode c = api.read(cancel("agent", number, "customer moved to another vendor").getBody());

        assertThat(c.at("/lines/0/state").asText()).isEqualTo("CANCELLED");
        assertThat(c.at("/lines/1/state").asText()).isEqualTo("CANCELLED");
        assertThat(c.at("/cancellation/returningSpares").size()).isOne();
        assertThat(c.at("/cancellation/returningSpares/0").asText()).isEqualTo(shipped);
        assertThat(boards.require(reserved).status()).as("the second line's reservation released").isEqualTo(BoardStatus.AVAILABLE);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CaseLineBpmn.PROCESS_KEY)
                .processInstanceBusinessKey(number).count()).as("both line processes ended").isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(SpareDispatchBpmn.PROCESS_KEY)
                .processInstanceBusinessKey(number).count()).isZero();
        assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(number)
                .activityId(RmaCaseBpmn.TASK_AWAIT_SPARE_RETURN).count()).isOne();

        api.scan("depot-CTU", shipped, "RECEIVE", "CTU", Map.of());
        api.scan("depot-CTU", shipped, "PUTAWAY", "CTU", Map.of());
        assertThat(api.getCase(number).at("/cancellation/returningSpares").isEmpty()).isTrue();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
    }

    private ResponseEntity<String> cancel(String user, String number, String reason) {
        return api.post(user, "/api/cases/" + number + "/cancel", Map.of("reason", reason));
    }
}
