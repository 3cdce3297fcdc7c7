package io.spareflow.rma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.customer.SiteInfo;
import io.spareflow.repair.BoardRepairBpmn;
import io.spareflow.rma.process.ReleasePolicy;
import io.spareflow.rma.process.ReleasePolicy.Upgrade;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Upgrading the running service over cases in flight, through the REST API and scans: the processes of the last
 * release ({@link ReleasePolicy#RELEASED}) are deployed next to the current ones, a case is reported and driven to each
 * wait state of {@link WaitState}, the current processes are deployed again and the policy applied with
 * {@code POST /api/admin/process-migrations} (dry run, then the run). The cases keep their SLA clocks and timer due
 * dates; the engine clock is moved past every pending timer: each open clock's breach is recorded once and each
 * escalation fires once; the stall audit finds nothing; then every case is finished by the people and scans that
 * finish it on the current release.
 * <p>
 * The job executor is paused for the test, so the timers fire exactly when the test runs them (and no other test's
 * timers fire while the engine clock is ahead).
 */
@SpareflowIntegrationTest
class ReleaseUpgradeApiTest extends RmaApiTestSupport {

    private static final String DEPOT = "CTU";
    private static final String REPAIR_CENTER = "RC-SZX";
    private static final String TECHNICIAN = "tech-RC-SZX";

    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;
    @Autowired
    ProcessEngine engine;

    private JobExecutor jobExecutor;

    /** A case under test: its number, part, boards and the way it goes. */
    private static final class Case {
        final String number;
        final String part;
        final String faulty;
        final Route route;
        String spare;

        Case(String number, String part, String faulty, Route route) {
            this.number = number;
            this.part = part;
            this.faulty = faulty;
            this.route = route;
        }
    }

    /** The ways from the report to the close; each adds the wait states the others do not have. */
    private enum Route {
        IN_STOCK, ENGINEER_ON_SITE, BACKORDER;

        List<WaitState> states() {
            List<WaitState> states = new ArrayList<>(List.of(WaitState.ACCEPT, WaitState.REMOTE_DIAGNOSIS));
            if (this == ENGINEER_ON_SITE) {
                states.add(WaitState.VISIT);
            }
            if (this == BACKORDER) {
                states.add(WaitState.BACKORDER);
            }
            states.addAll(List.of(WaitState.PICK, WaitState.PACK, WaitState.SHIP, WaitState.DELIVERY, WaitState.DEFECTIVE_RETURN,
                    WaitState.REPAIR_INTAKE, WaitState.DIAGNOSIS, WaitState.REPAIR, WaitState.TEST, WaitState.PUT_AWAY, WaitState.CLOSE));
            return states;
        }
    }

    /**
     * A wait state: the process and activity a case waits in, the SLA steps whose timers are pending there (each is
     * breached and escalated once when the engine clock passes them), and what the people and scanners do to move on.
     */
    private enum WaitState {
        ACCEPT(RmaCaseBpmn.PROCESS_KEY, RmaCaseBpmn.TASK_ACCEPT_CASE, EnumSet.of(SlaStep.ACCEPT),
                (t, c) -> t.api.complete("agent", c.number, RmaCaseBpmn.TASK_ACCEPT_CASE, Map.of())),
        REMOTE_DIAGNOSIS(RmaCaseBpmn.PROCESS_KEY, RmaCaseBpmn.TASK_REMOTE_DIAGNOSIS, EnumSet.of(SlaStep.REMOTE_DIAGNOSIS),
                (t, c) -> t.api.complete("agent", c.number, RmaCaseBpmn.TASK_REMOTE_DIAGNOSIS, Map.of("diagnosisOutcome",
                        c.route == Route.ENGINEER_ON_SITE ? DiagnosisOutcome.ENGINEER_ON_SITE.name() : DiagnosisOutcome.SPARE_NEEDED.name()))),
        VISIT(RmaCaseBpmn.PROCESS_KEY, RmaCaseBpmn.TASK_VISIT_SITE, EnumSet.noneOf(SlaStep.class),
                (t, c) -> t.api.complete("agent", c.number, RmaCaseBpmn.TASK_VISIT_SITE,
                        Map.of("diagnosisOutcome", DiagnosisOutcome.SPARE_NEEDED.name()))),
        BACKORDER(SpareDispatchBpmn.PROCESS_KEY, SpareDispatchBpmn.TASK_AWAIT_STOCK, EnumSet.of(SlaStep.SPARE_ON_SITE, SlaStep.BACKORDER),
                (t, c) -> t.depotScan(t.fixture.received(c.part, DEPOT), "PUTAWAY", Map.of())),
        PICK(SpareDispatchBpmn.PROCESS_KEY, SpareDispatchBpmn.TASK_AWAIT_PICK, EnumSet.of(SlaStep.SPARE_ON_SITE),
                (t, c) -> t.depotScan(t.spareOf(c), "PICK", Map.of())),
        PACK(SpareDispatchBpmn.PROCESS_KEY, SpareDispatchBpmn.TASK_AWAIT_PACK, EnumSet.of(SlaStep.SPARE_ON_SITE),
                (t, c) -> t.depotScan(c.spare, "PACK", Map.of())),
        SHIP(SpareDispatchBpmn.PROCESS_KEY, SpareDispatchBpmn.TASK_AWAIT_SHIPMENT, EnumSet.of(SlaStep.SPARE_ON_SITE),
                (t, c) -> t.depotScan(c.spare, "SHIP", Map.of("trackingNumber", "SF" + c.number.hashCode()))),
        DELIVERY(SpareDispatchBpmn.PROCESS_KEY, SpareDispatchBpmn.TASK_AWAIT_DELIVERY, EnumSet.of(SlaStep.SPARE_ON_SITE),
                (t, c) -> t.depotScan(c.spare, "DELIVER", Map.of("siteId", t.site.id()))),
        // In 0.1.0 the board's return is a step of rma-case itself (now of case-line, with the same id).
        DEFECTIVE_RETURN(RmaCaseBpmn.PROCESS_KEY, CaseLineBpmn.TASK_AWAIT_DEFECTIVE_RETURN, EnumSet.of(SlaStep.DEFECTIVE_RETURN),
                (t, c) -> t.api.scan(TECHNICIAN, c.faulty, "DEFECTIVE_RECEIVE", REPAIR_CENTER, Map.of("caseNumber", c.number))),
        REPAIR_INTAKE(BoardRepairBpmn.PROCESS_KEY, BoardRepairBpmn.TASK_AWAIT_INTAKE, EnumSet.of(SlaStep.REPAIR_TURNAROUND),
                (t, c) -> t.api.scan(TECHNICIAN, c.faulty, "REPAIR_INTAKE", REPAIR_CENTER, Map.of())),
        DIAGNOSIS(BoardRepairBpmn.PROCESS_KEY, BoardRepairBpmn.TASK_DIAGNOSE_BOARD, EnumSet.of(SlaStep.REPAIR_TURNAROUND),
                (t, c) -> t.api.complete(TECHNICIAN, c.number, BoardRepairBpmn.TASK_DIAGNOSE_BOARD,
                        Map.of("finding", "laser bias current out of range", "diagnosis", "FAULT_CONFIRMED"))),
        REPAIR(BoardRepairBpmn.PROCESS_KEY, BoardRepairBpmn.TASK_REPAIR_BOARD, EnumSet.of(SlaStep.REPAIR_TURNAROUND),
                (t, c) -> t.api.complete(TECHNICIAN, c.number, BoardRepairBpmn.TASK_REPAIR_BOARD, Map.of("actions", "replaced TOSA module"))),
        TEST(BoardRepairBpmn.PROCESS_KEY, BoardRepairBpmn.TASK_TEST_BOARD, EnumSet.of(SlaStep.REPAIR_TURNAROUND),
                (t, c) -> t.api.complete(TECHNICIAN, c.number, BoardRepairBpmn.TASK_TEST_BOARD, Map.of("testResult", "PASS"))),
        PUT_AWAY(BoardRepairBpmn.PROCESS_KEY, BoardRepairBpmn.TASK_AWAIT_PUTAWAY, EnumSet.of(SlaStep.REPAIR_TURNAROUND),
                ReleaseUpgradeApiTest::returnToStock),
        CLOSE(RmaCaseBpmn.PROCESS_KEY, RmaCaseBpmn.TASK_CLOSE_CASE, EnumSet.noneOf(SlaStep.class),
                (t, c) -> t.api.complete("agent", c.number, RmaCaseBpmn.TASK_CLOSE_CASE, Map.of("resolution", "spare installed, board repaired")));

        final String process;
        final String activity;
        /** Escalated once when its timers fire; all but BACKORDER have an SLA clock that is breached once. */
        final Set<SlaStep> overdue;
        final BiConsumer<ReleaseUpgradeApiTest, Case> moveOn;

        WaitState(String process, String activity, Set<SlaStep> overdue, BiConsumer<ReleaseUpgradeApiTest, Case> moveOn) {
            this.process = process;
            this.activity = activity;
            this.overdue = overdue;
            this.moveOn = moveOn;
        }

        Set<SlaStep> breached() {
            return overdue.stream().filter(step -> step != SlaStep.BACKORDER).collect(Collectors.toSet());
        }
    }

    private SiteInfo site;
    private boolean releasedIsLatest;

    @BeforeEach
    void setUp() {
        site = fixture.chengdu();
        jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        jobExecutor.shutdown();
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        if (releasedIsLatest) {
            deploy(ReleasePolicy.CURRENT_FOLDER); // a failed run must not leave the released processes to new cases
        }
        jobExecutor.start();
    }

    @Test
    void casesAtEveryWaitStateOfTheReleasedProcessesKeepTheirClocksAndCloseAfterTheUpgrade() {
        Map<String, ProcessDefinition> released = deploy(ReleasePolicy.RELEASED_FOLDER);
        Map<Case, WaitState> waitingAt = new LinkedHashMap<>();
        for (Route route : Route.values()) {
            List<WaitState> states = route.states();
            for (int at = 0; at < states.size(); at++) {
                WaitState state = states.get(at);
                if (route != Route.IN_STOCK && Route.IN_STOCK.states().contains(state)) {
                    continue;
                }
                Case c = report(route);
                states.subList(0, at).forEach(s -> moveOn(c, s));
                assertWaiting(c, state, released);
                waitingAt.put(c, state);
            }
        }
        assertThat(waitingAt.values()).containsAll(EnumSet.allOf(WaitState.class));
        Map<String, JsonNode> clocksBefore = clocks(waitingAt.keySet());
        Map<String, Date> timersBefore = timers(waitingAt.keySet());
        waitingAt.forEach((c, state) -> assertThat(openClocks(clocksBefore.get(c.number))).as(c.number + " at " + state)
                .isEqualTo(state.breached()));

        Map<String, ProcessDefinition> current = deploy(ReleasePolicy.CURRENT_FOLDER);
        upgrade(released, current);

        waitingAt.forEach((c, state) -> assertWaiting(c, state,
                ReleasePolicy.POLICY.get(state.process) == Upgrade.MIGRATE ? current : released));
        assertThat(clocks(waitingAt.keySet())).as("SLA clocks after the upgrade").isEqualTo(clocksBefore);
        assertThat(timers(waitingAt.keySet())).as("timers after the upgrade").isEqualTo(timersBefore);
        assertThat(stalled(waitingAt.keySet())).as("stall audit after the upgrade").isEmpty();

        fireInTurn(timersBefore);
        assertThat(timers(waitingAt.keySet())).as("every timer fired").isEmpty();
        waitingAt.forEach(this::assertBreachedAndEscalatedOnce);

        waitingAt.forEach((c, state) -> {
            List<WaitState> states = c.route.states();
            states.subList(states.indexOf(state), states.size()).forEach(s -> {
                assertWaiting(c, s, null);
                moveOn(c, s);
            });
        });
        assertThat(stalled(waitingAt.keySet())).isEmpty();
        waitingAt.forEach((c, state) -> {
            JsonNode closed = api.getCase(c.number);
            assertThat(closed.get("state").asText()).as(c.number).isEqualTo("CLOSED");
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.number).count()).isZero();
            assertThat(steps(closed.get("breaches"))).as(c.number + " breaches after the close").isEqualTo(state.breached());
            closed.get("breaches").forEach(b -> assertThat(b.get("actualAt").isNull()).as(c.number + ": the step was done").isFalse());
            closed.get("slaClocks").forEach(clock -> assertThat(clock.get("metAt").isNull()).as(c.number + " " + clock).isFalse());
        });
        assertThat(runtime.createIncidentQuery().count()).isZero();
    }

    private Case report(Route route) {
        String part = fixture.part();
        String faulty = fixture.installedAt(part, site);
        if (route != Route.BACKORDER) {
            fixture.inStock(part, DEPOT);
        }
        return new Case(api.report("agent", site.customerCode(), site.id(), faulty), part, faulty, route);
    }

    private void moveOn(Case c, WaitState state) {
        state.moveOn.accept(this, c);
    }

    /** The spare sourcing reserved for the case (at the depot that holds its part, or put away for its backorder). */
    private String spareOf(Case c) {
        JsonNode spare = api.getCase(c.number).get("spare");
        assertThat(spare.path("depotCode").asText()).as(c.number + " spare").isEqualTo(DEPOT);
        c.spare = spare.get("serial").asText();
        return c.spare;
    }

    private void depotScan(String serial, String action, Map<String, Object> extra) {
        api.scan("depot-" + DEPOT, serial, action, DEPOT, extra);
    }

    /** The repaired board goes to the depot the repair chose, and is put away there. */
    private void returnToStock(Case c) {
        String depot = api.read(api.get("agent", "/api/repairs/" + c.number).getBody()).get("returnDepot").asText();
        api.scan(TECHNICIAN, c.faulty, "PACK", REPAIR_CENTER, Map.of());
        api.scan(TECHNICIAN, c.faulty, "SHIP", REPAIR_CENTER, Map.of());
        api.scan("depot-" + depot, c.faulty, "RECEIVE", depot, Map.of());
        api.scan("depot-" + depot, c.faulty, "PUTAWAY", depot, Map.of());
    }

    /** The policy, as an admin applies it: a dry run without problems, then the run, for each process to migrate. */
    private void upgrade(Map<String, ProcessDefinition> released, Map<String, ProcessDefinition> current) {
        for (String key : ReleasePolicy.PROCESSES) {
            assertThat(current.get(key).getVersion()).isGreaterThan(released.get(key).getVersion());
            long instances = runtime.createProcessInstanceQuery().processDefinitionId(released.get(key).getId()).count();
            assertThat(instances).as(key + " instances on the released version").isPositive();
            if (ReleasePolicy.POLICY.get(key) == Upgrade.MIGRATE) {
                JsonNode dryRun = migrate(key, released.get(key).getVersion(), true);
                assertThat(dryRun.get("targetVersion").asInt()).isEqualTo(current.get(key).getVersion());
                assertThat(dryRun.get("instances").asLong()).isEqualTo(instances);
                assertThat(dryRun.get("problems")).as(key + " dry run").isEmpty();
                assertThat(migrate(key, released.get(key).getVersion(), false).get("migrated").asLong()).isEqualTo(instances);
            }
        }
    }

    private JsonNode migrate(String key, int sourceVersion, boolean dryRun) {
        ResponseEntity<String> response = api.post("admin", "/api/admin/process-migrations",
                Map.of("processKey", key, "sourceVersion", sourceVersion, "dryRun", dryRun));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return api.read(response.getBody());
    }

    /**
     * Runs the cases' timers in the order of their due dates, each when the engine clock reaches it: not due a second
     * before, due a second after.
     */
    private void fireInTurn(Map<String, Date> timers) {
        List<Map.Entry<String, Date>> inTurn = timers.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList();
        for (Map.Entry<String, Date> timer : inTurn) {
            Instant due = timer.getValue().toInstant();
            ClockUtil.setCurrentTime(Date.from(due.minusSeconds(1)));
            assertThat(management.createJobQuery().jobId(timer.getKey()).executable().count()).as("not due yet").isZero();
            ClockUtil.setCurrentTime(Date.from(due.plusSeconds(1)));
            assertThat(management.createJobQuery().jobId(timer.getKey()).executable().count()).as("due").isOne();
            management.executeJob(timer.getKey());
        }
        ClockUtil.reset();
    }

    private void assertBreachedAndEscalatedOnce(Case c, WaitState state) {
        JsonNode view = api.getCase(c.number);
        assertThat(steps(view.get("breaches"))).as(c.number + " at " + state + ": breaches").isEqualTo(state.breached());
        assertThat(view.get("breaches")).as(c.number + ": each breach once").hasSize(state.breached().size());
        Map<String, Instant> due = new HashMap<>();
        view.get("slaClocks").forEach(clock -> due.put(clock.get("step").asText(), Instant.parse(clock.get("dueAt").asText())));
        view.get("breaches").forEach(b -> assertThat(Instant.parse(b.get("limitAt").asText())).as(c.number + " breach limit")
                .isEqualTo(due.get(b.get("step").asText())));
        List<String> escalations = StreamSupport.stream(api.read(api.get("supervisor", "/api/tasks").getBody()).spliterator(), false)
                .map(task -> task.get("name").asText()).filter(name -> name.endsWith(" of " + c.number)).sorted().toList();
        assertThat(escalations).as(c.number + " at " + state + ": escalations")
                .isEqualTo(state.overdue.stream().map(step -> "Escalation: " + step + " of " + c.number).sorted().toList());
        if (state == WaitState.DEFECTIVE_RETURN) {
            assertThat(RmaApiClient.kinds(view.get("timeline"))).containsSubsequence("RETURN_REMINDER", "RETURN_OVERDUE", "CHARGE_FLAGGED");
            assertThat(view.get("chargeFlag").asBoolean()).isTrue();
        }
    }

    private void assertWaiting(Case c, WaitState state, Map<String, ProcessDefinition> on) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(state.process)
                .processInstanceBusinessKey(c.number).singleResult();
        assertThat(instance).as(c.number + " in " + state.process + " at " + state).isNotNull();
        assertThat(runtime.getActiveActivityIds(instance.getId())).as(c.number + " at " + state).contains(state.activity);
        if (on != null) {
            assertThat(instance.getProcessDefinitionId()).as(c.number + " version").isEqualTo(on.get(state.process).getId());
        }
    }

    /** Each case's SLA clocks as the API shows them. */
    private Map<String, JsonNode> clocks(Set<Case> cases) {
        return cases.stream().collect(Collectors.toMap(c -> c.number, c -> api.getCase(c.number).get("slaClocks")));
    }

    private static Set<SlaStep> openClocks(JsonNode clocks) {
        return StreamSupport.stream(clocks.spliterator(), false).filter(clock -> clock.get("metAt").isNull())
                .map(clock -> SlaStep.valueOf(clock.get("step").asText())).collect(Collectors.toSet());
    }

    private static Set<SlaStep> steps(JsonNode breaches) {
        return StreamSupport.stream(breaches.spliterator(), false).map(b -> SlaStep.valueOf(b.get("step").asText()))
                .collect(Collectors.toSet());
    }

    /** The pending timers of the cases' process instances: job id → due date. */
    private Map<String, Date> timers(Set<Case> cases) {
        Map<String, Date> timers = new HashMap<>();
        for (Case c : cases) {
            for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.number).list()) {
                management.createJobQuery().processInstanceId(instance.getId()).timers().list()
                        .forEach(job -> timers.put(job.getId(), job.getDuedate()));
            }
        }
        return timers;
    }

    private List<String> stalled(Set<Case> cases) {
        Set<String> numbers = cases.stream().map(c -> c.number).collect(Collectors.toSet());
        return StreamSupport.stream(api.read(api.get("supervisor", "/api/cases/stalled").getBody()).spliterator(), false)
                .filter(s -> numbers.contains(s.get("caseNumber").asText())).map(JsonNode::toString).toList();
    }

    /** Deploys the three processes of a folder as a new version each; answers them by key. */
    private Map<String, ProcessDefinition> deploy(String folder) {
        DeploymentBuilder deployment = repository.createDeployment().name("upgrade test: " + folder);
        ReleasePolicy.PROCESSES.forEach(key -> deployment.addClasspathResource(folder + key + ".bpmn"));
        String id = deployment.deploy().getId();
        releasedIsLatest = folder.equals(ReleasePolicy.RELEASED_FOLDER);
        return repository.createProcessDefinitionQuery().deploymentId(id).list().stream()
                .collect(Collectors.toMap(ProcessDefinition::getKey, d -> d));
    }

}
