package io.spareflow.rma.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.spareflow.repair.internal.process.RepairSteps;
import io.spareflow.rma.internal.process.CaseEscalations;
import io.spareflow.rma.internal.process.CaseSteps;
import io.spareflow.rma.internal.process.RemoteConsults;
import io.spareflow.rma.internal.process.SpareDispatchSteps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.stubbing.Answer;

/**
 * Every path of rma-case, case-line, spare-dispatch and board-repair, with the service beans mocked: each gateway outcome, each
 * timer (the engine clock is moved, then the due timer job executed) and each message. Flow-node coverage is written to
 * target/process-test-coverage.
 */
@Deployment(resources = {"processes/rma-case.bpmn", "processes/case-line.bpmn", "processes/spare-dispatch.bpmn",
        "processes/board-repair.bpmn"})
class LifecycleProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder(ProcessTestEngine.configuration()).build();

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final String SPARE = "SPARE-0001";
    private static final String SECOND_SPARE = "SPARE-0002";

    private final CaseSteps caseSteps = mock(CaseSteps.class);
    private final CaseEscalations escalations = mock(CaseEscalations.class);
    private final SpareDispatchSteps dispatchSteps = mock(SpareDispatchSteps.class);
    private final RepairSteps repairSteps = mock(RepairSteps.class);
    /** Needs no consult unless a test says so (the mock answers false). */
    private final RemoteConsults consults = mock(RemoteConsults.class);
    private boolean stockAvailable = true;
    /** Where the faulty board already waits when the return clock starts (scanned in early), or null. */
    private String defectiveReceivedAt;
    /** Where the board already is in repair when the repair starts (intake scanned early), or null. */
    private String takenInAt;
    /** Whether the repaired board is already in stock or at the customer's when its result is recorded. */
    private boolean boardArrived;
    /** Whether the repaired line's board is beyond repair in a repair-and-return case (a replacement spare is due). */
    private boolean replacementNeeded;
    private int caseCounter;
    private String caseNumber;
    private String faultySerial;
    private boolean repairAndReturn;
    /** The lines the diagnosis names (the case-line processes startLines starts), by serial. */
    private List<String> lineSerials;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(extension.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(T0));
        Mocks.register("caseSteps", caseSteps);
        Mocks.register("caseEscalations", escalations);
        Mocks.register("spareDispatchSteps", dispatchSteps);
        Mocks.register("repairSteps", repairSteps);
        Mocks.register("remoteConsults", consults);
        // What the real steps write back into the processes.
        doAnswer(call -> {
            DelegateTask task = call.getArgument(0);
            task.setVariable("firstOwner", task.getAssignee());
            task.setVariable("diagnosisDue", at(now().plus(Duration.ofMinutes(30))));
            task.setVariable("diagnosisEscalateAt", at(now().plus(Duration.ofMinutes(60))));
            return null;
        }).when(caseSteps).accepted(any());
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            execution.setVariable("returnReminderAt", at(now().plus(Duration.ofDays(8))));
            execution.setVariable("returnDue", at(now().plus(Duration.ofDays(10))));
            execution.setVariable("returnChargeAt", at(now().plus(Duration.ofDays(30))));
            execution.setVariable("defectiveReceivedAt", defectiveReceivedAt);
            return null;
        }).when(caseSteps).startReturnClock(any());
        doAnswer(call -> {
            ((DelegateExecution) call.getArgument(0)).setVariables(repairLimit());
            return null;
        }).when(caseSteps).receivedBeforeAwaited(any());
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            for (int line = 1; line <= lineSerials.size(); line++) {
                Map<String, Object> variables = new HashMap<>();
                variables.put("caseNumber", caseNumber);
                variables.put("line", line);
                variables.put("faultySerial", lineSerials.get(line - 1));
                variables.put("repairAndReturn", repairAndReturn);
                variables.put("spareOnSiteDue", at(T0.plus(Duration.ofHours(4))));
                variables.put("spareOnSiteEscalateAt", at(T0.plus(Duration.ofHours(8))));
                execution.getProcessEngineServices().getRuntimeService()
                        .startProcessInstanceByKey("case-line", caseNumber, variables);
            }
            return null;
        }).when(caseSteps).startLines(any());
        // The last line finished lets the case close (what CaseLineProcesses.finished does).
        Answer<Void> lineFinished = call -> {
            DelegateExecution execution = call.getArgument(0);
            String number = (String) execution.getVariable("caseNumber");
            if (runtimeService().createProcessInstanceQuery().processDefinitionKey("case-line")
                    .processInstanceBusinessKey(number).active().count() <= 1) {
                runtimeService().createMessageCorrelation("LinesFinished").processInstanceBusinessKey(number).correlate();
            }
            return null;
        };
        doAnswer(lineFinished).when(caseSteps).replacementDelivered(any());
        doAnswer(call -> {
            ((DelegateExecution) call.getArgument(0)).setVariable("replacementNeeded", replacementNeeded);
            return replacementNeeded ? null : lineFinished.answer(call);
        }).when(caseSteps).lineRepaired(any());
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            execution.setVariable("backorder", !stockAvailable);
            execution.setVariable("spareSerial", stockAvailable ? SPARE : null);
            return null;
        }).when(dispatchSteps).reserve(any());
        doAnswer(call -> {
            ((DelegateExecution) call.getArgument(0)).setVariable("productLine", "OPTICAL");
            return null;
        }).when(repairSteps).openOrder(any());
        doAnswer(call -> {
            ((DelegateExecution) call.getArgument(0)).setVariable("actAt", takenInAt);
            return null;
        }).when(repairSteps).checkIntake(any());
        doAnswer(call -> {
            ((DelegateExecution) call.getArgument(0)).setVariable("boardArrived", boardArrived);
            return null;
        }).when(repairSteps).recordResult(any());
        doAnswer(call -> {
            DelegateTask task = call.getArgument(0);
            task.setVariable("technician", task.getAssignee());
            return null;
        }).when(repairSteps).diagnosed(any());
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
    }

    // ------------------------------------------------------------------ rma-case paths

    @Test
    void resolvedRemotelyGoesStraightToTheFirstOwnersClose() {
        ProcessInstance rma = startCase(false);
        accept(rma, "agent");
        assertThat(task(rma)).hasDefinitionKey("Task_RemoteDiagnosis").isAssignedTo("agent");
        diagnose(rma, "RESOLVED_REMOTELY");

        assertThat(rma).isWaitingAt("Task_CloseCase");
        assertThat(task(rma)).isAssignedTo("agent");
        close(rma);
        assertThat(rma).isEnded().hasPassed("EndEvent_CaseClosed").hasNotPassed("Activity_StartLines");
        verify(caseSteps).closed(any());
    }

    @Test
    void aFirstOwnerWithoutL1KeepsTheDiagnosisWhileACertifiedColleagueAdvises() {
        when(consults.needed(any())).thenReturn(true);
        doAnswer(call -> {
            ((DelegateExecution) call.getArgument(0)).setVariable("consultant", "agent-l1");
            return null;
        }).when(consults).choose(any());
        ProcessInstance rma = startCase(false);
        accept(rma, "agent-new");

        assertThat(rma).isWaitingAt("Task_RemoteDiagnosis", "Task_ConsultDiagnosis");
        assertThat(taskService().createTaskQuery().processInstanceId(rma.getId()).taskDefinitionKey("Task_RemoteDiagnosis")
                .singleResult()).isAssignedTo("agent-new");
        Task consult = taskService().createTaskQuery().processInstanceId(rma.getId())
                .taskDefinitionKey("Task_ConsultDiagnosis").singleResult();
        assertThat(consult).isAssignedTo("agent-l1");
        taskService().complete(consult.getId(), Map.of("consultAdvice", "reseat the SFP, then check the Rx power"));
        verify(consults).answered(any());
        assertThat(rma).hasPassed("EndEvent_ConsultAnswered").isWaitingAt("Task_RemoteDiagnosis");

        diagnose(rma, "RESOLVED_REMOTELY");
        verify(consults).diagnosing(any());
        close(rma);
        assertThat(rma).isEnded().hasPassed("Gateway_ConsultFork", "Activity_ChooseConsultant", "Gateway_DiagnosisJoin");
    }

    @Test
    void engineerOnSiteWhoResolvesItClosesWithoutSpare() {
        ProcessInstance rma = startCase(false);
        accept(rma, "agent");
        diagnose(rma, "ENGINEER_ON_SITE");
        assertThat(rma).isWaitingAt("Task_VisitSite");
        complete(rma, Map.of("diagnosisOutcome", "RESOLVED_ON_SITE"));

        assertThat(rma).isWaitingAt("Task_CloseCase");
        verify(caseSteps).siteVisited(any());
        close(rma);
        assertThat(rma).isEnded().hasNotPassed("Task_AwaitLines");
    }

    @Test
    void advanceExchangeShipsSpareThenRepairsTheDefectiveBoardIntoStock() {
        ProcessInstance rma = startCase(false);
        accept(rma, "agent");
        diagnose(rma, "ENGINEER_ON_SITE");
        complete(rma, Map.of("diagnosisOutcome", "SPARE_NEEDED", "faultySerials", faultySerial));

        assertThat(rma).isWaitingAt("Task_AwaitLines").hasPassed("Activity_StartLines");
        ProcessInstance line = line(1);
        assertThat(line).hasBusinessKey(caseNumber).isWaitingAt("CallActivity_SpareDispatch");
        ProcessInstance dispatch = calledProcessInstance("spare-dispatch", line);
        assertThat(dispatch).hasBusinessKey(caseNumber).isWaitingAt("Task_AwaitPick").hasPassed("Gateway_ReservedJoin");
        deliverSpare(dispatch);
        assertThat(dispatch).isEnded().hasPassed("EndEvent_SpareDelivered");

        assertThat(line).isWaitingAt("Task_AwaitDefectiveReturn");
        verify(caseSteps).startReturnClock(any());
        returnDefective(faultySerial);
        ProcessInstance repair = calledProcessInstance("board-repair", line);
        assertThat(repair).isWaitingAt("Task_AwaitIntake");
        intake(repair, faultySerial);
        diagnoseBoard(repair, "FAULT_CONFIRMED");
        assertThat(repair).isWaitingAt("Task_RepairBoard");
        complete(repair, Map.of("actions", "replaced capacitor C12"));
        complete(repair, Map.of("testResult", "FAIL"));
        assertThat(repair).isWaitingAt("Task_RepairBoard");
        complete(repair, Map.of("actions", "reflowed BGA U3"));
        complete(repair, Map.of("testResult", "PASS"));

        assertThat(repair).isWaitingAt("Task_AwaitPutaway").hasPassed("Activity_RecordResult", "Activity_ChooseStockDepot");
        verify(repairSteps).recordResult(any());
        correlate("BoardPutAway", "repairSerial", faultySerial);
        assertThat(repair).isEnded().hasPassed("EndEvent_BackInStock");

        verify(caseSteps).lineRepaired(any());
        assertThat(line).isEnded().hasPassed("Activity_LineRepaired", "EndEvent_LineFinished").hasNotPassed("CallActivity_ReplacementDispatch");
        assertThat(rma).isWaitingAt("Task_CloseCase");
        close(rma);
        assertThat(rma).isEnded();
    }

    @Test
    void twoBoardsRunAsTwoLinesAndTheCaseWaitsUntilBothAreDone() {
        ProcessInstance rma = startCase(true);
        lineSerials = List.of(faultySerial, "SECOND-" + caseCounter);
        accept(rma, "agent");
        diagnose(rma, "SPARE_NEEDED");

        ProcessInstance first = line(1);
        ProcessInstance second = line(2);
        assertThat(first).isWaitingAt("Task_AwaitDefectiveReturn");
        assertThat(second).isWaitingAt("Task_AwaitDefectiveReturn");
        repairWithoutFault(first, faultySerial);
        assertThat(first).isEnded();
        assertThat(rma).as("one line still open").isWaitingAt("Task_AwaitLines");

        repairWithoutFault(second, lineSerials.get(1));
        assertThat(second).isEnded();
        assertThat(rma).isWaitingAt("Task_CloseCase");
    }

    @Test
    void repairAndReturnWaitsForTheBoardFirstAndSendsTheSameBoardBack() {
        ProcessInstance rma = startCase(true);
        accept(rma, "agent");
        diagnose(rma, "SPARE_NEEDED");

        ProcessInstance line = line(1);
        assertThat(line).isWaitingAt("Task_AwaitDefectiveReturn").hasNotPassed("CallActivity_SpareDispatch");
        repairWithoutFault(line, faultySerial);
        assertThat(line).hasPassed("EndEvent_LineFinished");
        assertThat(rma).isWaitingAt("Task_CloseCase");
    }

    @Test
    void defectiveBoardScannedInBeforeTheReturnClockGoesStraightToRepair() {
        defectiveReceivedAt = "RC-SZX";
        ProcessInstance rma = startCase(true);
        accept(rma, "agent");
        diagnose(rma, "SPARE_NEEDED");

        verify(caseSteps).receivedBeforeAwaited(any());
        ProcessInstance line = line(1);
        assertThat(line).hasPassed("Activity_StartReturnClock", "Activity_RecordEarlyReturn").hasNotPassed("Task_AwaitDefectiveReturn")
                .isWaitingAt("CallActivity_BoardRepair");
        assertThat(calledProcessInstance("board-repair", line)).isWaitingAt("Task_AwaitIntake");
    }

    @Test
    void boardBeyondRepairIsScrappedAndTheLineOfAnAdvanceExchangeFinishes() {
        ProcessInstance rma = startCase(false);
        accept(rma, "agent");
        diagnose(rma, "SPARE_NEEDED");
        deliverSpare(calledProcessInstance("spare-dispatch", line(1)));
        returnDefective(faultySerial);
        ProcessInstance repair = calledProcessInstance("board-repair", line(1));
        intake(repair, faultySerial);
        diagnoseBoard(repair, "BEYOND_REPAIR");

        assertThat(repair).isEnded().hasPassed("Activity_ScrapBoard", "EndEvent_BoardScrapped").hasNotPassed("Task_TestBoard");
        verify(repairSteps).scrap(any());
        assertThat(rma).isWaitingAt("Task_CloseCase");
    }

    @Test
    void aRepairAndReturnBoardBeyondRepairIsReplacedByASpareDueByTheTurnaround() {
        replacementNeeded = true;
        stockAvailable = false;
        ProcessInstance rma = startCase(true);
        accept(rma, "agent");
        diagnose(rma, "SPARE_NEEDED");
        ProcessInstance line = line(1);
        returnDefective(faultySerial);
        Date repairDue = (Date) runtimeService().getVariable(line.getId(), "repairDue");
        ProcessInstance repair = calledProcessInstance("board-repair", line);
        intake(repair, faultySerial);
        diagnoseBoard(repair, "BEYOND_REPAIR");

        assertThat(repair).isEnded().hasPassed("EndEvent_BoardScrapped");
        assertThat(line).isWaitingAt("CallActivity_ReplacementDispatch").hasPassed("Activity_LineRepaired");
        ProcessInstance replacement = calledProcessInstance("spare-dispatch", line);
        assertThat(replacement).hasBusinessKey(caseNumber).isWaitingAt("Task_AwaitStock");
        assertThat(runtimeService().getVariable(replacement.getId(), "spareOnSiteDue"))
                .as("a backordered replacement escalates at the repair turnaround's due date").isEqualTo(repairDue);
        assertThat(runtimeService().getVariable(replacement.getId(), "line")).isEqualTo(1);

        fireTimer(line, "Timer_ReplacementLimit", repairDue.toInstant().plusSeconds(1));
        verify(escalations).limitReached(any(), eq("REPAIR_TURNAROUND"));
        execute(managementService().createJobQuery().processInstanceId(replacement.getId())
                .activityId("Timer_BackorderEscalation").executable().singleResult());
        verify(escalations).escalate(any(), eq("BACKORDER"));

        runtimeService().createMessageCorrelation("SpareReserved").processInstanceId(replacement.getId())
                .setVariable("spareSerial", SPARE).setVariable("backorder", false).correlate();
        deliverSpare(replacement);
        assertThat(replacement).isEnded().hasPassed("EndEvent_SpareDelivered");
        verify(caseSteps).replacementDelivered(any());
        assertThat(line).isEnded().hasPassed("Activity_ReplacementDelivered", "EndEvent_BoardReplaced",
                "EndEvent_ReplacementReminded").hasNotPassed("EndEvent_LineFinished");
        assertThat(rma).isWaitingAt("Task_CloseCase");
    }

    @Test
    void anIntakeScannedBeforeTheRepairWaitedForItGoesStraightToDiagnosis() {
        defectiveReceivedAt = "RC-SZX";
        takenInAt = "RC-SZX";
        ProcessInstance rma = startCase(true);
        accept(rma, "agent");
        diagnose(rma, "SPARE_NEEDED");

        ProcessInstance repair = calledProcessInstance("board-repair", line(1));
        assertThat(repair).hasPassed("Activity_CheckIntake", "Activity_OpenRepairOrder").hasNotPassed("Task_AwaitIntake")
                .isWaitingAt("Task_DiagnoseBoard");
        verify(repairSteps).checkIntake(any());
    }

    @Test
    void aRepairedBoardPutAwayBeforeTheRepairWaitedForItEndsTheRepair() {
        boardArrived = true;
        ProcessInstance rma = startCase(false);
        accept(rma, "agent");
        diagnose(rma, "SPARE_NEEDED");
        deliverSpare(calledProcessInstance("spare-dispatch", line(1)));
        returnDefective(faultySerial);
        ProcessInstance repair = calledProcessInstance("board-repair", line(1));
        intake(repair, faultySerial);
        diagnoseBoard(repair, "NO_FAULT_FOUND");
        complete(repair, Map.of("testResult", "PASS"));

        assertThat(repair).isEnded().hasPassed("Activity_RecordEarlyPutaway", "EndEvent_BackInStock").hasNotPassed("Task_AwaitPutaway");
        verify(repairSteps).putAwayBeforeAwaited(any());
        assertThat(rma).isWaitingAt("Task_CloseCase");
    }

    @Test
    void aRepairedBoardDeliveredBeforeTheRepairWaitedForItEndsTheRepair() {
        boardArrived = true;
        ProcessInstance rma = startCase(true);
        accept(rma, "agent");
        diagnose(rma, "SPARE_NEEDED");
        returnDefective(faultySerial);
        ProcessInstance repair = calledProcessInstance("board-repair", line(1));
        intake(repair, faultySerial);
        diagnoseBoard(repair, "NO_FAULT_FOUND");
        complete(repair, Map.of("testResult", "PASS"));

        assertThat(repair).isEnded().hasPassed("Gateway_Delivered", "EndEvent_ReturnedToCustomer").hasNotPassed("Task_AwaitReturnDelivery");
        assertThat(rma).isWaitingAt("Task_CloseCase");
    }

    @Test
    void cancellingEndsEveryStepAndTheOpenTasks() {
        ProcessInstance rma = startCase(false);
        accept(rma, "agent");
        assertThat(rma).isWaitingAt("Task_RemoteDiagnosis");

        cancel(rma);

        assertThat(rma).isEnded().hasPassed("StartEvent_CaseCancelled", "EndEvent_CaseCancelled")
                .hasNotPassed("Task_AwaitSpareReturn", "EndEvent_CaseClosed");
        assertThat(taskService().createTaskQuery().processInstanceId(rma.getId()).count()).isZero();
    }

    @Test
    void cancellingWhileSparesAreOnTheirWayWaitsForEachBackInStock() {
        ProcessInstance rma = startCase(false);
        accept(rma, "agent");
        diagnose(rma, "SPARE_NEEDED");
        ProcessInstance dispatch = calledProcessInstance("spare-dispatch", line(1));
        correlate("BoardPicked", "spareSerial", SPARE);
        correlate("BoardPacked", "spareSerial", SPARE);
        correlate("BoardShipped", "spareSerial", SPARE);

        // What Cases does: the line processes are ended by CaseLineProcesses, the case waits for each spare.
        runtimeService().deleteProcessInstance(line(1).getId(), "case cancelled", true, true);
        cancel(rma, SPARE, SECOND_SPARE);

        assertThat(dispatch).isEnded().hasNotPassed("EndEvent_SpareDelivered");
        assertThat(rma).isWaitingAt("Task_AwaitSpareReturn");
        assertThat(managementService().createJobQuery().processInstanceId(rma.getId()).timers().count())
                .as("no SLA timer runs for a cancelled case").isZero();
        spareReturned(SPARE);
        assertThat(rma).as("the second spare is still on its way").isWaitingAt("Task_AwaitSpareReturn");
        spareReturned(SECOND_SPARE);
        assertThat(rma).isEnded().hasPassed("Task_AwaitSpareReturn", "EndEvent_CaseCancelled");
    }

    /** What RmaCaseProcess does: the returning spares (maybe none) on the instance, then the cancellation message. */
    private static void cancel(ProcessInstance rma, String... returningSpares) {
        runtimeService().setVariable(rma.getId(), "returningSpares", new ArrayList<>(List.of(returningSpares)));
        runtimeService().createMessageCorrelation("CaseCancelled").processInstanceId(rma.getId()).correlate();
    }

    /** What CaseScanCorrelation does on a put-away: the one wait instance that holds this spare goes on. */
    private static void spareReturned(String serial) {
        Execution waiting = runtimeService().createExecutionQuery().messageEventSubscriptionName("SpareReturned").list().stream()
                .filter(e -> serial.equals(runtimeService().getVariable(e.getId(), "returningSpare"))).findFirst().orElseThrow();
        runtimeService().messageEventReceived("SpareReturned", waiting.getId());
    }

    @Test
    void diagnosisIsOfferedOnlyToTechniciansCertifiedForTheProductLine() {
        ProcessInstance rma = startCase(true);
        accept(rma, "agent");
        diagnose(rma, "SPARE_NEEDED");
        returnDefective(faultySerial);
        ProcessInstance repair = calledProcessInstance("board-repair", line(1));
        intake(repair, faultySerial);

        assertThat(task(repair)).hasDefinitionKey("Task_DiagnoseBoard").hasCandidateGroup("certified:OPTICAL");
    }

    // ------------------------------------------------------------------ spare-dispatch backorder

    @Test
    void backorderWaitsForStockEscalatesAtTheSpareLimitAndContinuesWhenASpareIsReserved() {
        stockAvailable = false;
        ProcessInstance rma = startCase(false);
        accept(rma, "agent");
        diagnose(rma, "SPARE_NEEDED");
        ProcessInstance line = line(1);
        ProcessInstance dispatch = calledProcessInstance("spare-dispatch", line);
        assertThat(dispatch).isWaitingAt("Task_AwaitStock");
        assertThat(runtimeService().getVariable(dispatch.getId(), "line")).as("the line, handed to the dispatch").isEqualTo(1);

        fireTimer(dispatch, "Timer_BackorderEscalation", T0.plus(Duration.ofHours(4)).plusSeconds(1));
        verify(escalations).escalate(any(), eq("BACKORDER"));
        assertThat(dispatch).isWaitingAt("Task_AwaitStock");

        runtimeService().createMessageCorrelation("SpareReserved").processInstanceId(dispatch.getId())
                .setVariable("spareSerial", SPARE).setVariable("backorder", false).correlate();
        assertThat(dispatch).isWaitingAt("Task_AwaitPick");
        deliverSpare(dispatch);
        assertThat(line).isWaitingAt("Task_AwaitDefectiveReturn");
    }

    // ------------------------------------------------------------------ timers

    @Test
    void acceptanceLimitRecordsBreachThenEscalatesToSupervisorWhileTheTaskStaysOpen() {
        ProcessInstance rma = startCase(false);
        assertThat(executableTimer(rma, "Timer_AcceptanceLimit")).isNull();

        fireTimer(rma, "Timer_AcceptanceLimit", T0.plus(Duration.ofMinutes(16)));
        verify(escalations).limitReached(any(), eq("ACCEPT"));
        verify(escalations, never()).escalate(any(), any());
        fireTimer(rma, "Timer_AcceptanceEscalation", T0.plus(Duration.ofMinutes(31)));
        verify(escalations).escalate(any(), eq("ACCEPT"));

        assertThat(rma).isWaitingAt("Task_AcceptCase").hasPassed("EndEvent_AcceptanceReminded", "EndEvent_AcceptanceEscalated");
        accept(rma, "agent");
        assertThat(rma).isWaitingAt("Task_RemoteDiagnosis");
    }

    @Test
    void diagnosisLimitRecordsBreachThenEscalates() {
        ProcessInstance rma = startCase(false);
        accept(rma, "agent");
        fireTimer(rma, "Timer_DiagnosisLimit", T0.plus(Duration.ofMinutes(31)));
        verify(escalations).limitReached(any(), eq("REMOTE_DIAGNOSIS"));
        fireTimer(rma, "Timer_DiagnosisEscalation", T0.plus(Duration.ofMinutes(61)));
        verify(escalations).escalate(any(), eq("REMOTE_DIAGNOSIS"));
        assertThat(rma).isWaitingAt("Task_RemoteDiagnosis");
    }

    @Test
    void spareOnSiteLimitRecordsBreachThenEscalatesWhileTheDispatchGoesOn() {
        ProcessInstance rma = startCase(false);
        accept(rma, "agent");
        diagnose(rma, "SPARE_NEEDED");
        ProcessInstance line = line(1);
        fireTimer(line, "Timer_SpareOnSiteLimit", T0.plus(Duration.ofHours(4)).plusSeconds(1));
        verify(escalations).limitReached(any(), eq("SPARE_ON_SITE"));
        fireTimer(line, "Timer_SpareOnSiteEscalation", T0.plus(Duration.ofHours(8)).plusSeconds(1));
        verify(escalations).escalate(any(), eq("SPARE_ON_SITE"));
        assertThat(calledProcessInstance("spare-dispatch", line)).isWaitingAt("Task_AwaitPick");
    }

    @Test
    void defectiveReturnRemindsBeforeDueEscalatesWhenOverdueAndFlagsChargeAtTheLimit() {
        ProcessInstance rma = startCase(true);
        accept(rma, "agent");
        diagnose(rma, "SPARE_NEEDED");
        ProcessInstance line = line(1);
        fireTimer(line, "Timer_ReturnReminder", T0.plus(Duration.ofDays(8)).plusSeconds(1));
        verify(escalations).returnReminder(any());
        verify(escalations, never()).returnOverdue(any());
        fireTimer(line, "Timer_ReturnOverdue", T0.plus(Duration.ofDays(10)).plusSeconds(1));
        verify(escalations).returnOverdue(any());
        fireTimer(line, "Timer_ReturnChargeLimit", T0.plus(Duration.ofDays(30)).plusSeconds(1));
        verify(escalations).chargeLimitReached(any());

        assertThat(line).isWaitingAt("Task_AwaitDefectiveReturn");
        returnDefective(faultySerial);
        assertThat(line).isWaitingAt("CallActivity_BoardRepair");
    }

    @Test
    void repairTurnaroundRecordsBreachThenEscalates() {
        ProcessInstance rma = startCase(true);
        accept(rma, "agent");
        diagnose(rma, "SPARE_NEEDED");
        returnDefective(faultySerial);
        ProcessInstance line = line(1);
        fireTimer(line, "Timer_RepairLimit", now().plus(Duration.ofDays(5)).plusSeconds(1));
        verify(escalations).limitReached(any(), eq("REPAIR_TURNAROUND"));
        fireTimer(line, "Timer_RepairEscalation", now().plus(Duration.ofDays(5)).plusSeconds(1));
        verify(escalations).escalate(any(), eq("REPAIR_TURNAROUND"));
        assertThat(calledProcessInstance("board-repair", line)).isWaitingAt("Task_AwaitIntake");
    }

    // ------------------------------------------------------------------ helpers

    private ProcessInstance startCase(boolean exchangeWithoutSpare) {
        caseNumber = "RMA-TEST-" + (++caseCounter);
        faultySerial = "FAULTY-" + caseCounter;
        lineSerials = List.of(faultySerial);
        repairAndReturn = exchangeWithoutSpare;
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseNumber", caseNumber);
        variables.put("acceptDue", at(T0.plus(Duration.ofMinutes(15))));
        variables.put("acceptEscalateAt", at(T0.plus(Duration.ofMinutes(30))));
        ProcessInstance rma = runtimeService().startProcessInstanceByKey("rma-case", caseNumber, variables);
        assertThat(rma).isWaitingAt("Task_AcceptCase");
        assertThat(task(rma)).hasCandidateGroup("AGENT");
        return rma;
    }

    private void accept(ProcessInstance rma, String agent) {
        taskService().claim(task(rma).getId(), agent);
        verify(caseSteps).accepting(any());
        taskService().complete(task(rma).getId());
        verify(caseSteps).accepted(any());
    }

    private void diagnose(ProcessInstance rma, String outcome) {
        complete(rma, Map.of("diagnosisOutcome", outcome, "faultySerials", String.join(",", lineSerials)));
        verify(caseSteps).diagnosed(any());
    }

    private void close(ProcessInstance rma) {
        complete(rma, Map.of("resolution", "fixed"));
    }

    private void deliverSpare(ProcessInstance dispatch) {
        for (String message : new String[] {"BoardPicked", "BoardPacked", "BoardShipped", "BoardDelivered"}) {
            correlate(message, "spareSerial", SPARE);
        }
    }

    /** The case's line process of line {@code n}. */
    private ProcessInstance line(int n) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey("case-line")
                .processInstanceBusinessKey(caseNumber).variableValueEquals("line", n).singleResult();
    }

    private void returnDefective(String serial) {
        runtimeService().createMessageCorrelation("DefectiveReceived").processInstanceVariableEquals("faultySerial", serial)
                .setVariables(repairLimit()).correlate();
    }

    /** The line's board comes back, is found without fault and goes back to the customer (repair and return). */
    private void repairWithoutFault(ProcessInstance line, String serial) {
        returnDefective(serial);
        ProcessInstance repair = calledProcessInstance("board-repair", line);
        intake(repair, serial);
        diagnoseBoard(repair, "NO_FAULT_FOUND");
        assertThat(repair).isWaitingAt("Task_TestBoard").hasNotPassed("Task_RepairBoard");
        complete(repair, Map.of("testResult", "PASS"));
        assertThat(repair).isWaitingAt("Task_AwaitReturnDelivery").hasNotPassed("Activity_ChooseStockDepot");
        correlate("RepairedBoardDelivered", "repairSerial", serial);
        assertThat(repair).isEnded().hasPassed("EndEvent_ReturnedToCustomer");
    }

    private static Map<String, Object> repairLimit() {
        return Map.of("repairDue", at(now().plus(Duration.ofDays(5))), "repairEscalateAt", at(now().plus(Duration.ofDays(10))));
    }

    private void intake(ProcessInstance repair, String serial) {
        runtimeService().createMessageCorrelation("RepairIntake").processInstanceVariableEquals("repairSerial", serial)
                .setVariable("actAt", "RC-SZX").correlate();
        assertThat(repair).hasPassed("Activity_OpenRepairOrder").isWaitingAt("Task_DiagnoseBoard");
    }

    private void diagnoseBoard(ProcessInstance repair, String diagnosis) {
        taskService().claim(task(repair).getId(), "tech-RC-SZX");
        complete(repair, Map.of("finding", "no output on port 3", "diagnosis", diagnosis));
    }

    private static void correlate(String message, String variable, String serial) {
        runtimeService().createMessageCorrelation(message).processInstanceVariableEquals(variable, serial).correlate();
    }

    private static void complete(ProcessInstance instance, Map<String, Object> variables) {
        taskService().complete(task(instance).getId(), variables);
    }

    /** Moves the engine clock to {@code at}, checks that the timer became due then (not before), and fires it. */
    private static void fireTimer(ProcessInstance instance, String timerId, Instant at) {
        Job timer = managementService().createJobQuery().processInstanceId(instance.getId()).activityId(timerId).singleResult();
        assertThat(timer).as(timerId).isNotNull();
        assertThat(executableTimer(instance, timerId)).as(timerId + " before its due date").isNull();
        ClockUtil.setCurrentTime(Date.from(at));
        assertThat(executableTimer(instance, timerId)).as(timerId + " after its due date").isNotNull();
        execute(timer);
    }

    private static Job executableTimer(ProcessInstance instance, String timerId) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).activityId(timerId)
                .timers().executable().singleResult();
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private static Date at(Instant instant) {
        return Date.from(instant);
    }
}
