package io.spareflow.sourcing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardInfo;
import io.spareflow.board.BoardStatus;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.repair.BoardRepairBpmn;
import io.spareflow.rma.CaseLineBpmn;
import io.spareflow.rma.RmaApiClient;
import io.spareflow.rma.RmaApiTestSupport;
import io.spareflow.rma.RmaCaseBpmn;
import io.spareflow.rma.SpareDispatchBpmn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;

/**
 * No case ever stalls, whatever happens around it: random sequences of API calls and scans — the next step of the
 * happy path, a reservation released or expired (its hold moved into the past, then the expiry job), a reserved board
 * quarantined or swapped at the depot, a case cancelled, a defective return and a repair intake scanned early, a board
 * found beyond repair, a delivery at the wrong site — over three cases of two tiers competing for little stock. After
 * every step the stall audit ({@code GET /api/cases/stalled}) finds nothing for these cases, no process instance has an
 * incident or waits in a step the audit does not know; at the end every case is driven to its end (closed, or cancelled
 * with its spare back in stock), so none waits for an event that cannot come.
 *
 * <p>Seven tries keep it under two minutes on a loaded machine (about 16 s a try at a load average of 17 on two
 * cores, 4 s on a quiet one); shrinking is bounded (jqwik's default 10 s). Fifteen tries passed when it was written.
 *
 * <p>jqwik does not run JUnit Jupiter extensions, so the Spring test context — the one every
 * {@code @SpareflowIntegrationTest} class shares in this JVM — is attached by hand before the property. It lives in
 * sourcing's package to run the reservation expiry job as the clock moves.
 */
@SpareflowIntegrationTest
class NoCaseStallsProperties extends RmaApiTestSupport {

    /** Each wait a case's processes may be in, and the audit checks: anything else would be a wait nobody answers. */
    private static final Set<String> KNOWN_WAITS = Set.of(
            RmaCaseBpmn.TASK_AWAIT_LINES, RmaCaseBpmn.TASK_AWAIT_SPARE_RETURN, RmaCaseBpmn.TASK_CLOSE_CASE,
            SpareDispatchBpmn.TASK_AWAIT_STOCK, SpareDispatchBpmn.TASK_AWAIT_PICK, SpareDispatchBpmn.TASK_AWAIT_PACK,
            SpareDispatchBpmn.TASK_AWAIT_SHIPMENT, SpareDispatchBpmn.TASK_AWAIT_DELIVERY,
            CaseLineBpmn.TASK_AWAIT_DEFECTIVE_RETURN, CaseLineBpmn.CALL_SPARE_DISPATCH, CaseLineBpmn.CALL_BOARD_REPAIR,
            CaseLineBpmn.CALL_REPLACEMENT_DISPATCH, BoardRepairBpmn.TASK_AWAIT_INTAKE, BoardRepairBpmn.TASK_DIAGNOSE_BOARD,
            BoardRepairBpmn.TASK_REPAIR_BOARD, BoardRepairBpmn.TASK_TEST_BOARD, BoardRepairBpmn.TASK_AWAIT_PUTAWAY,
            BoardRepairBpmn.TASK_AWAIT_RETURN_DELIVERY);
    private static final String REPAIR_CENTER = RmaApiClient.REPAIR_CENTER;
    private static final String TECHNICIAN = RmaApiClient.TECHNICIAN;
    /** Enough to end any case from any step (a case needs about fifteen). */
    private static final int STEPS_TO_END = 40;

    /** What happens to a case, picked at random. */
    enum Action { NEXT_STEP, RELEASE, EXPIRE, QUARANTINE, SWAP, CANCEL, EARLY_RETURN, EARLY_INTAKE, SCRAP, WRONG_SITE }

    record Step(Action action, int caseIndex) {
    }

    @Autowired
    Customers customers;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReservationExpiryJob expiryJob;

    private String part;
    private SiteInfo chengdu;
    private SiteInfo addisAbaba;
    private SiteInfo otherSite;
    private final List<Case> cases = new ArrayList<>();

    /** A case of this try: its number, site and faulty board. */
    private record Case(String number, SiteInfo site, String faulty) {
    }

    @BeforeProperty
    void attachSpringTestContext() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        chengdu = fixture.chengdu();
        addisAbaba = fixture.addisAbaba();
        otherSite = customers.require(chengdu.customerCode()).sites().stream().filter(s -> s.id() != chengdu.id())
                .findFirst().orElseThrow();
    }

    @Property(tries = 7, shrinking = ShrinkingMode.BOUNDED)
    void noCaseEverStalls(@ForAll("steps") List<Step> steps) {
        openCases();
        for (Step step : steps) {
            apply(step.action(), cases.get(step.caseIndex()));
            assertNothingStalls(step.toString());
        }
        for (Case c : cases) {
            for (int i = 0; i < STEPS_TO_END && !ended(c); i++) {
                nextStep(c);
            }
            assertThat(ended(c)).as(c.number() + " reaches its end; waits at " + waits(c)).isTrue();
        }
        assertNothingStalls("the end");
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.of(Action.class), Arbitraries.integers().between(0, 2)).as(Step::new)
                .list().ofMinSize(3).ofMaxSize(8);
    }

    /** Two PLATINUM cases (advance exchange) and a BRONZE one (repair and return) on a part of their own, little stock. */
    private void openCases() {
        cases.clear();
        part = fixture.part();
        fixture.inStock(part, "CTU");
        fixture.inStock(part, "KMG");
        for (SiteInfo site : List.of(chengdu, chengdu, addisAbaba)) {
            String faulty = fixture.installedAt(part, site);
            cases.add(new Case(api.reportNeedingSpare(site.customerCode(), site.id(), faulty), site, faulty));
        }
    }

    private void apply(Action action, Case c) {
        switch (action) {
            case NEXT_STEP -> nextStep(c);
            case RELEASE -> openRequest(c).ifPresent(id -> expectNoServerError(
                    api.delete("supervisor", "/api/sourcing/reservations/" + id + "?reason=property")));
            case EXPIRE -> openRequest(c).ifPresent(id -> {
                fixture.moveHoldIntoPast(id);
                expiryJob.expireOverdue();
            });
            case QUARANTINE -> reservedSpare(c).ifPresent(spare -> attempt("depot-" + spare.locationCode(), spare.serial(),
                    "QUARANTINE", spare.locationCode(), Map.of()));
            case SWAP -> reservedSpare(c).ifPresent(spare -> openRequest(c).ifPresent(id -> expectNoServerError(api.post(
                    "depot-" + spare.locationCode(), "/api/sourcing/reservations/" + id + "/swap",
                    Map.of("serial", fixture.inStock(part, spare.locationCode()))))));
            case CANCEL -> expectNoServerError(api.post("agent", "/api/cases/" + c.number() + "/cancel", Map.of("reason", "property")));
            case EARLY_RETURN -> attempt(TECHNICIAN, c.faulty(), "DEFECTIVE_RECEIVE", REPAIR_CENTER, Map.of("caseNumber", c.number()));
            case EARLY_INTAKE -> attempt(TECHNICIAN, c.faulty(), "REPAIR_INTAKE", REPAIR_CENTER, Map.of());
            case SCRAP -> {
                if (waits(c).contains(BoardRepairBpmn.TASK_DIAGNOSE_BOARD)) {
                    api.complete(TECHNICIAN, c.number(), BoardRepairBpmn.TASK_DIAGNOSE_BOARD,
                            Map.of("finding", "burnt laser", "diagnosis", "BEYOND_REPAIR"));
                }
            }
            case WRONG_SITE -> spareOnTheRoad(c).ifPresent(spare -> {
                ResponseEntity<String> refused = api.attemptScan("depot-" + spare.locationCode(), spare.serial(), "DELIVER",
                        spare.locationCode(), Map.of("siteId", otherSite.id()));
                assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(409);
                assertThat(boards.require(spare.serial()).status()).isEqualTo(BoardStatus.IN_TRANSIT);
            });
        }
    }

    /** The next step of the case's happy path from where it waits now: a scan, a task, new stock, or its close. */
    private void nextStep(Case c) {
        List<String> waits = waits(c);
        JsonNode view = api.getCase(c.number());
        JsonNode line = view.at("/lines/0");
        if (waits.contains(RmaCaseBpmn.TASK_AWAIT_SPARE_RETURN)) {
            backInStock(boards.require(view.at("/cancellation/returningSpares/0").asText()), line.at("/spare/depotCode").asText());
        } else if (waits.contains(SpareDispatchBpmn.TASK_AWAIT_STOCK) || (waits.contains(SpareDispatchBpmn.TASK_AWAIT_PICK)
                && line.at("/spare/backordered").asBoolean())) {
            String received = fixture.received(part, "CTU");
            api.scan("depot-CTU", received, "PUTAWAY", "CTU", Map.of());
        } else if (waits.contains(SpareDispatchBpmn.TASK_AWAIT_PICK)) {
            dispatchScan(line, "PICK", Map.of());
        } else if (waits.contains(SpareDispatchBpmn.TASK_AWAIT_PACK)) {
            dispatchScan(line, "PACK", Map.of());
        } else if (waits.contains(SpareDispatchBpmn.TASK_AWAIT_SHIPMENT)) {
            dispatchScan(line, "SHIP", Map.of());
        } else if (waits.contains(SpareDispatchBpmn.TASK_AWAIT_DELIVERY)) {
            dispatchScan(line, "DELIVER", Map.of("siteId", c.site().id()));
        } else if (waits.contains(CaseLineBpmn.TASK_AWAIT_DEFECTIVE_RETURN)) {
            api.scan(TECHNICIAN, c.faulty(), "DEFECTIVE_RECEIVE", REPAIR_CENTER, Map.of("caseNumber", c.number()));
        } else if (waits.contains(BoardRepairBpmn.TASK_AWAIT_INTAKE)) {
            api.scan(TECHNICIAN, c.faulty(), "REPAIR_INTAKE", REPAIR_CENTER, Map.of());
        } else if (waits.contains(BoardRepairBpmn.TASK_DIAGNOSE_BOARD)) {
            api.complete(TECHNICIAN, c.number(), BoardRepairBpmn.TASK_DIAGNOSE_BOARD,
                    Map.of("finding", "laser power low", "diagnosis", "FAULT_CONFIRMED"));
        } else if (waits.contains(BoardRepairBpmn.TASK_REPAIR_BOARD)) {
            api.complete(TECHNICIAN, c.number(), BoardRepairBpmn.TASK_REPAIR_BOARD, Map.of("actions", "replaced the laser"));
        } else if (waits.contains(BoardRepairBpmn.TASK_TEST_BOARD)) {
            api.complete(TECHNICIAN, c.number(), BoardRepairBpmn.TASK_TEST_BOARD, Map.of("testResult", "PASS"));
        } else if (waits.contains(BoardRepairBpmn.TASK_AWAIT_PUTAWAY)) {
            String depot = api.read(api.get(TECHNICIAN, "/api/repairs/" + c.number()).getBody()).get("returnDepot").asText();
            repairedBoardOnItsWay(c.faulty(), depot, Map.of());
        } else if (waits.contains(BoardRepairBpmn.TASK_AWAIT_RETURN_DELIVERY)) {
            repairedBoardOnItsWay(c.faulty(), null, Map.of("siteId", c.site().id()));
        } else if (waits.contains(RmaCaseBpmn.TASK_CLOSE_CASE)) {
            api.complete("agent", c.number(), RmaCaseBpmn.TASK_CLOSE_CASE, Map.of("resolution", "property"));
        }
    }

    private void dispatchScan(JsonNode line, String action, Map<String, Object> extra) {
        String depot = line.at("/spare/depotCode").asText();
        api.scan("depot-" + depot, line.at("/spare/serial").asText(), action, depot, extra);
    }

    /** One hand-off of a repaired board: packed and shipped by the repair center, then received and put away at {@code depot}, or delivered. */
    private void repairedBoardOnItsWay(String serial, String depot, Map<String, Object> delivery) {
        BoardStatus status = boards.require(serial).status();
        switch (status) {
            case REPAIRED, NFF -> api.scan(TECHNICIAN, serial, "PACK", REPAIR_CENTER, Map.of());
            case PACKED -> api.scan(TECHNICIAN, serial, "SHIP", REPAIR_CENTER, Map.of());
            case IN_TRANSIT -> api.scan(depot == null ? TECHNICIAN : "depot-" + depot, serial, depot == null ? "DELIVER" : "RECEIVE",
                    depot == null ? REPAIR_CENTER : depot, delivery);
            case RECEIVED -> api.scan("depot-" + depot, serial, "PUTAWAY", depot, Map.of());
            default -> throw new AssertionError("repaired board " + serial + " is " + status);
        }
    }

    /** One hand-off of a cancelled case's spare on its way back: received at its depot if on the road, else put away. */
    private void backInStock(BoardInfo spare, String depot) {
        api.scan("depot-" + depot, spare.serial(), spare.status() == BoardStatus.IN_TRANSIT ? "RECEIVE" : "PUTAWAY", depot, Map.of());
    }

    private Optional<Long> openRequest(Case c) {
        JsonNode reservations = api.read(api.get("supervisor", "/api/sourcing/reservations?caseNumber=" + c.number()).getBody());
        for (JsonNode r : reservations) {
            if (Set.of("RESERVED", "BACKORDER").contains(r.get("status").asText())) {
                return Optional.of(r.get("id").asLong());
            }
        }
        return Optional.empty();
    }

    private Optional<BoardInfo> reservedSpare(Case c) {
        return spare(c).filter(b -> b.status() == BoardStatus.RESERVED);
    }

    private Optional<BoardInfo> spareOnTheRoad(Case c) {
        return spare(c).filter(b -> b.status() == BoardStatus.IN_TRANSIT);
    }

    private Optional<BoardInfo> spare(Case c) {
        JsonNode serial = api.getCase(c.number()).at("/lines/0/spare/serial");
        return serial.isMissingNode() || serial.isNull() ? Optional.empty() : boards.find(serial.asText());
    }

    /** A scan that may be refused (the board is not where it could be scanned so); never a server error. */
    private void attempt(String user, String serial, String action, String location, Map<String, Object> extra) {
        expectNoServerError(api.attemptScan(user, serial, action, location, new HashMap<>(extra)));
    }

    private static void expectNoServerError(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().is5xxServerError()).as(response.getBody()).isFalse();
    }

    /** Closed, or cancelled with nothing left to wait for: no process instance of the case runs any more. */
    private boolean ended(Case c) {
        return Set.of("CLOSED", "CANCELLED").contains(state(c)) && instances(c).isEmpty();
    }

    private String state(Case c) {
        return jdbc.queryForObject("select state from rma_case where number = ?", String.class, c.number());
    }

    private void assertNothingStalls(String after) {
        List<String> numbers = cases.stream().map(Case::number).toList();
        List<JsonNode> stalled = new ArrayList<>();
        api.read(api.get("supervisor", "/api/cases/stalled").getBody()).forEach(stall -> {
            if (numbers.contains(stall.get("caseNumber").asText())) {
                stalled.add(stall);
            }
        });
        assertThat(stalled).as("stalls after " + after).isEmpty();
        for (Case c : cases) {
            for (ProcessInstance instance : instances(c)) {
                assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count())
                        .as("incidents of " + c.number() + " after " + after).isZero();
            }
            assertThat(waits(c)).as("waits of " + c.number() + " after " + after).allMatch(KNOWN_WAITS::contains);
            String state = state(c);
            if (state.equals("CLOSED")) {
                assertThat(instances(c)).as(c.number() + " is closed").isEmpty();
            } else if (!state.equals("CANCELLED")) {
                assertThat(instances(c)).as(c.number() + " is " + state + " after " + after).isNotEmpty();
            }
        }
    }

    private List<ProcessInstance> instances(Case c) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.number()).active().list();
    }

    /** Every activity the case's process instances are in now. */
    private List<String> waits(Case c) {
        List<String> waits = new ArrayList<>();
        instances(c).forEach(instance -> waits.addAll(runtime.getActiveActivityIds(instance.getId())));
        return waits;
    }
}
