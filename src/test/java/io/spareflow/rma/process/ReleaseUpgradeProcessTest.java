package io.spareflow.rma.process;

import static io.spareflow.rma.process.ReleasePolicy.CURRENT_FOLDER;
import static io.spareflow.rma.process.ReleasePolicy.POLICY;
import static io.spareflow.rma.process.ReleasePolicy.PROCESSES;
import static io.spareflow.rma.process.ReleasePolicy.RELEASED_FOLDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.spareflow.repair.internal.process.RepairSteps;
import io.spareflow.rma.internal.process.CaseEscalations;
import io.spareflow.rma.internal.process.CaseSteps;
import io.spareflow.rma.internal.process.ProcessMigrations;
import io.spareflow.rma.internal.process.RemoteConsults;
import io.spareflow.rma.internal.process.SpareDispatchSteps;
import io.spareflow.rma.process.ReleasePolicy.Upgrade;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Upgrading over cases in flight: the released processes of {@link ReleasePolicy#RELEASED} are deployed, one case is driven to each
 * wait state of {@link #WAIT_STATES}, the current processes are deployed, the policy of docs/operations.md is applied
 * ({@link ReleasePolicy#POLICY}: migrate with {@link ProcessMigrations#plan} or keep the old version), and every case is finished:
 * all close, no incident, the timers keep their due dates and still fire (the engine clock is moved).
 * <p>
 * A BPMN change that adds a wait state adds a {@link Step} and puts it in {@link #PATHS}; a change that is not migrated
 * says so in {@link ReleasePolicy#POLICY}.
 */
class ReleaseUpgradeProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestEngine.configuration()).build();

    private static final String PREFIX = "RMA-UPGRADE-";
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final Duration REMINDER = Duration.ofDays(8);

    /** One case under test: its number, the faulty board, the spare, and whether its spare is on backorder. */
    private record Case(String number, String faultySerial, String spareSerial, boolean backorder) {
    }

    /** A wait state: the process and activity a case waits in, and what moves it on. */
    private enum Step {
        ACCEPT("rma-case", "Task_AcceptCase", c -> {
            Task task = task("rma-case", c);
            taskService().claim(task.getId(), "agent");
            taskService().complete(task.getId());
        }),
        REMOTE_DIAGNOSIS("rma-case", "Task_RemoteDiagnosis", c -> complete("rma-case", c, Map.of("diagnosisOutcome", "SPARE_NEEDED"))),
        BACKORDER("spare-dispatch", "Task_AwaitStock", c -> runtimeService().createMessageCorrelation("SpareReserved")
                .processInstanceBusinessKey(c.number()).setVariable("spareSerial", c.spareSerial()).setVariable("backorder", false)
                .correlate()),
        PICK("spare-dispatch", "Task_AwaitPick", c -> correlate("BoardPicked", "spareSerial", c.spareSerial())),
        PACK("spare-dispatch", "Task_AwaitPack", c -> correlate("BoardPacked", "spareSerial", c.spareSerial())),
        SHIP("spare-dispatch", "Task_AwaitShipment", c -> correlate("BoardShipped", "spareSerial", c.spareSerial())),
        DELIVERY("spare-dispatch", "Task_AwaitDelivery", c -> correlate("BoardDelivered", "spareSerial", c.spareSerial())),
        DEFECTIVE_RETURN("rma-case", "Task_AwaitDefectiveReturn", c -> runtimeService().createMessageCorrelation("DefectiveReceived")
                .processInstanceVariableEquals("faultySerial", c.faultySerial())
                .setVariable("repairDue", at(T0.plus(Duration.ofDays(40)))).setVariable("repairEscalateAt", at(T0.plus(Duration.ofDays(45))))
                .correlate()),
        REPAIR_INTAKE("board-repair", "Task_AwaitIntake", c -> runtimeService().createMessageCorrelation("RepairIntake")
                .processInstanceVariableEquals("repairSerial", c.faultySerial()).setVariable("actAt", "RC-SZX")
                .setVariable("productLine", "OPTICAL").setVariable("technician", "tech-RC-SZX").correlate()),
        DIAGNOSIS("board-repair", "Task_DiagnoseBoard", c -> {
            taskService().claim(task("board-repair", c).getId(), "tech-RC-SZX");
            complete("board-repair", c, Map.of("finding", "laser bias current out of range", "diagnosis", "FAULT_CONFIRMED"));
        }),
        REPAIR("board-repair", "Task_RepairBoard", c -> complete("board-repair", c, Map.of("actions", "replaced TOSA module"))),
        TEST("board-repair", "Task_TestBoard", c -> complete("board-repair", c, Map.of("testResult", "PASS"))),
        PUT_AWAY("board-repair", "Task_AwaitPutaway", c -> correlate("BoardPutAway", "repairSerial", c.faultySerial())),
        CLOSE("rma-case", "Task_CloseCase", c -> complete("rma-case", c, Map.of("resolution", "spare installed, board repaired")));

        final String process;
        final String activity;
        final Consumer<Case> moveOn;

        Step(String process, String activity, Consumer<Case> moveOn) {
            this.process = process;
            this.activity = activity;
            this.moveOn = moveOn;
        }
    }

    /** The ways through the processes, each a list of wait states from the report to the close. */
    private static final List<Step> IN_STOCK = List.of(Step.ACCEPT, Step.REMOTE_DIAGNOSIS, Step.PICK, Step.PACK, Step.SHIP,
            Step.DELIVERY, Step.DEFECTIVE_RETURN, Step.REPAIR_INTAKE, Step.DIAGNOSIS, Step.REPAIR, Step.TEST, Step.PUT_AWAY,
            Step.CLOSE);
    private static final List<Step> ON_BACKORDER = List.of(Step.ACCEPT, Step.REMOTE_DIAGNOSIS, Step.BACKORDER, Step.PICK,
            Step.PACK, Step.SHIP, Step.DELIVERY, Step.DEFECTIVE_RETURN, Step.REPAIR_INTAKE, Step.DIAGNOSIS, Step.REPAIR,
            Step.TEST, Step.PUT_AWAY, Step.CLOSE);
    private static final List<List<Step>> PATHS = List.of(IN_STOCK, ON_BACKORDER);

    private final CaseEscalations escalations = mock(CaseEscalations.class);
    private final Set<String> backordered = new HashSet<>();
    private final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(extension.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(T0));
        Mocks.register("caseSteps", mock(CaseSteps.class));
        Mocks.register("caseEscalations", escalations);
        Mocks.register("remoteConsults", mock(RemoteConsults.class));
        RepairSteps repairSteps = mock(RepairSteps.class);
        // What the repair's checks write back in the current process: no intake and no put-away scanned early.
        doAnswer(call -> {
            ((DelegateExecution) call.getArgument(0)).setVariable("actAt", null);
            return null;
        }).when(repairSteps).checkIntake(any());
        doAnswer(call -> {
            ((DelegateExecution) call.getArgument(0)).setVariable("boardArrived", false);
            return null;
        }).when(repairSteps).recordResult(any());
        Mocks.register("repairSteps", repairSteps);
        SpareDispatchSteps dispatchSteps = mock(SpareDispatchSteps.class);
        // What sourcing writes back: a spare, or a backorder for the cases meant to wait for stock.
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            boolean backorder = backordered.contains(execution.getBusinessKey());
            execution.setVariable("backorder", backorder);
            execution.setVariable("spareSerial", backorder ? null : "SPARE-" + execution.getBusinessKey());
            return null;
        }).when(dispatchSteps).reserve(any());
        Mocks.register("spareDispatchSteps", dispatchSteps);
    }

    @AfterEach
    void tearDown() {
        deployments.forEach(id -> repositoryService().deleteDeployment(id, true));
        ClockUtil.reset();
        Mocks.reset();
    }

    @Test
    void casesAtEveryWaitStateOfTheReleasedProcessesFinishAfterTheUpgrade() {
        deploy(RELEASED_FOLDER);
        Map<Case, List<Step>> remaining = new HashMap<>();
        Map<Case, Step> waitingAt = new HashMap<>();
        int counter = 0;
        for (List<Step> path : PATHS) {
            for (int at = 0; at < path.size(); at++) {
                Step step = path.get(at);
                if (path != IN_STOCK && IN_STOCK.contains(step)) {
                    continue; // the other paths only add the wait states the main path does not have
                }
                Case c = start(++counter, path == ON_BACKORDER);
                path.subList(0, at).forEach(s -> s.moveOn.accept(c));
                assertWaiting(c, step);
                waitingAt.put(c, step);
                remaining.put(c, path.subList(at, path.size()));
            }
        }
        assertThat(waitingAt.values()).containsAll(IN_STOCK).containsAll(ON_BACKORDER);
        Map<String, Date> timersBefore = timerDueDates();
        assertThat(timersBefore).isNotEmpty();

        deploy(CURRENT_FOLDER);
        upgrade();

        assertThat(timerDueDates()).isEqualTo(timersBefore);
        Case returning = waitingAt.entrySet().stream().filter(e -> e.getValue() == Step.DEFECTIVE_RETURN).findFirst().orElseThrow().getKey();
        fireReturnReminder(returning);

        remaining.forEach((c, steps) -> steps.forEach(step -> {
            assertWaiting(c, step);
            step.moveOn.accept(c);
        }));
        assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKeyLike(PREFIX + "%").count()).isZero();
        assertThat(runtimeService().createIncidentQuery().count()).isZero();
        String[] cases = historyService().createHistoricProcessInstanceQuery().processDefinitionKey("rma-case")
                .processInstanceBusinessKeyLike(PREFIX + "%").list().stream().map(h -> h.getId()).toArray(String[]::new);
        assertThat(cases).hasSize(remaining.size());
        assertThat(cases).as("every case closed").allSatisfy(id -> assertThat(historyService().createHistoricActivityInstanceQuery()
                .processInstanceId(id).activityId("EndEvent_CaseClosed").count()).isOne());
    }

    /** The policy: each process's running instances of the released version move to the current one, or stay. */
    private void upgrade() {
        for (String key : PROCESSES) {
            List<ProcessDefinition> versions = repositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
                    .orderByProcessDefinitionVersion().asc().list();
            ProcessDefinition released = versions.get(0);
            ProcessDefinition current = versions.get(versions.size() - 1);
            assertThat(current.getVersion()).as(key + ": the current processes deploy as a new version").isGreaterThan(released.getVersion());
            long instances = runtimeService().createProcessInstanceQuery().processDefinitionId(released.getId()).count();
            if (POLICY.get(key) == Upgrade.MIGRATE && instances > 0) {
                runtimeService().newMigration(ProcessMigrations.plan(runtimeService(), released.getId(), current.getId()))
                        .processInstanceQuery(runtimeService().createProcessInstanceQuery().processDefinitionId(released.getId()))
                        .execute();
                assertThat(runtimeService().createProcessInstanceQuery().processDefinitionId(current.getId()).count())
                        .as(key + " migrated").isEqualTo(instances);
            }
        }
    }

    /** The defective-return reminder of a migrated case fires when the engine clock reaches it. */
    private void fireReturnReminder(Case c) {
        ProcessInstance rma = instance("rma-case", c);
        Job reminder = managementService().createJobQuery().processInstanceId(rma.getId()).activityId("Timer_ReturnReminder")
                .singleResult();
        assertThat(reminder).isNotNull();
        assertThat(managementService().createJobQuery().jobId(reminder.getId()).executable().count()).isZero();
        ClockUtil.setCurrentTime(Date.from(T0.plus(REMINDER).plusSeconds(1)));
        assertThat(managementService().createJobQuery().jobId(reminder.getId()).executable().count()).isOne();
        execute(reminder);
        verify(escalations).returnReminder(any());
        ClockUtil.setCurrentTime(Date.from(T0));
    }

    private Case start(int n, boolean backorder) {
        Case c = new Case(PREFIX + n, "FAULTY-UPGRADE-" + n, "SPARE-" + PREFIX + n, backorder);
        if (backorder) {
            backordered.add(c.number());
        }
        // the values the real steps compute (CaseTransitions, LineTransitions), set up front: the released steps read them from here
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseNumber", c.number());
        variables.put("faultySerial", c.faultySerial());
        variables.put("repairAndReturn", false);
        variables.put("firstOwner", "agent");
        variables.put("defectiveReceivedAt", null);
        variables.put("acceptDue", at(T0.plus(Duration.ofMinutes(15))));
        variables.put("acceptEscalateAt", at(T0.plus(Duration.ofMinutes(30))));
        variables.put("diagnosisDue", at(T0.plus(Duration.ofMinutes(45))));
        variables.put("diagnosisEscalateAt", at(T0.plus(Duration.ofMinutes(60))));
        variables.put("spareOnSiteDue", at(T0.plus(Duration.ofHours(4))));
        variables.put("spareOnSiteEscalateAt", at(T0.plus(Duration.ofHours(8))));
        variables.put("returnReminderAt", at(T0.plus(REMINDER)));
        variables.put("returnDue", at(T0.plus(Duration.ofDays(10))));
        variables.put("returnChargeAt", at(T0.plus(Duration.ofDays(30))));
        runtimeService().startProcessInstanceByKey("rma-case", c.number(), variables);
        return c;
    }

    private void deploy(String folder) {
        DeploymentBuilder deployment = repositoryService().createDeployment().name(folder);
        PROCESSES.forEach(key -> deployment.addClasspathResource(folder + key + ".bpmn"));
        deployments.add(deployment.deploy().getId());
    }

    private static void assertWaiting(Case c, Step step) {
        ProcessInstance instance = instance(step.process, c);
        assertThat(instance).as(c.number() + " in " + step.process + " at " + step).isNotNull();
        assertThat(runtimeService().getActiveActivityIds(instance.getId())).as(c.number() + " at " + step).contains(step.activity);
    }

    private static Map<String, Date> timerDueDates() {
        return managementService().createJobQuery().timers().list().stream().collect(Collectors.toMap(Job::getId, Job::getDuedate));
    }

    private static ProcessInstance instance(String process, Case c) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(process).processInstanceBusinessKey(c.number())
                .singleResult();
    }

    private static Task task(String process, Case c) {
        return taskService().createTaskQuery().processInstanceId(instance(process, c).getId()).singleResult();
    }

    private static void complete(String process, Case c, Map<String, Object> variables) {
        taskService().complete(task(process, c).getId(), variables);
    }

    private static void correlate(String message, String variable, String serial) {
        runtimeService().createMessageCorrelation(message).processInstanceVariableEquals(variable, serial).correlate();
    }

    private static Date at(Instant instant) {
        return Date.from(instant);
    }
}
