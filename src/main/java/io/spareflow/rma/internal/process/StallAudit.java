package io.spareflow.rma.internal.process;

import io.spareflow.board.BoardInfo;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.common.Message;
import io.spareflow.common.ProcessVariables;
import io.spareflow.repair.RepairBoardWait;
import io.spareflow.rma.CaseLineBpmn;
import io.spareflow.rma.RmaCaseBpmn;
import io.spareflow.rma.internal.CaseLookup;
import io.spareflow.rma.SpareDispatchBpmn;
import io.spareflow.rma.StalledStep;
import io.spareflow.rma.internal.CaseLineEntity;
import io.spareflow.sourcing.ReservationOutcome;
import io.spareflow.sourcing.SpareSourcing;
import io.spareflow.user.StaffUser;
import io.spareflow.user.UserSummary;
import io.spareflow.user.Users;
import io.spareflow.worklist.Worklist;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks that every waiting step of every open case can still complete: the board a receive task waits for is where
 * the awaited scan can find it, a backordered case is in the backorder queue, and a user task has someone who may
 * take it. What it finds is a {@link StalledStep}; a healthy case yields none.
 */
@Component
public class StallAudit {

    /** Where the board must be for the scan each receive task waits for to be accepted and matched. */
    private static final Map<String, Set<BoardStatus>> BOARD_FOR = withRepairWaits(Map.of(
            SpareDispatchBpmn.TASK_AWAIT_PACK, EnumSet.of(BoardStatus.PICKED),
            SpareDispatchBpmn.TASK_AWAIT_SHIPMENT, EnumSet.of(BoardStatus.PACKED),
            SpareDispatchBpmn.TASK_AWAIT_DELIVERY, EnumSet.of(BoardStatus.PICKED, BoardStatus.PACKED, BoardStatus.IN_TRANSIT),
            CaseLineBpmn.TASK_AWAIT_DEFECTIVE_RETURN, EnumSet.of(BoardStatus.INSTALLED, BoardStatus.DEFECTIVE_IN_TRANSIT),
            RmaCaseBpmn.TASK_AWAIT_SPARE_RETURN, EnumSet.of(BoardStatus.PICKED, BoardStatus.PACKED, BoardStatus.IN_TRANSIT,
                    BoardStatus.RECEIVED)), RepairBoardWait::boardIn);
    /** The variable that names the board each receive task waits for. */
    private static final Map<String, String> SERIAL_OF = withRepairWaits(Map.of(
            SpareDispatchBpmn.TASK_AWAIT_PICK, SpareDispatchBpmn.SPARE_SERIAL,
            SpareDispatchBpmn.TASK_AWAIT_PACK, SpareDispatchBpmn.SPARE_SERIAL,
            SpareDispatchBpmn.TASK_AWAIT_SHIPMENT, SpareDispatchBpmn.SPARE_SERIAL,
            SpareDispatchBpmn.TASK_AWAIT_DELIVERY, SpareDispatchBpmn.SPARE_SERIAL,
            CaseLineBpmn.TASK_AWAIT_DEFECTIVE_RETURN, CaseLineBpmn.FAULTY_SERIAL,
            RmaCaseBpmn.TASK_AWAIT_SPARE_RETURN, RmaCaseVariables.RETURNING_SPARE), RepairBoardWait::boardVariable);

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Boards boards;
    private final SpareSourcing sourcing;
    private final Users users;
    private final Worklist worklist;
    private final CaseLookup lookup;

    StallAudit(RuntimeService runtime, TaskService tasks, Boards boards, SpareSourcing sourcing, Users users,
               Worklist worklist, CaseLookup lookup) {
        this.lookup = lookup;
        this.runtime = runtime;
        this.tasks = tasks;
        this.boards = boards;
        this.sourcing = sourcing;
        this.users = users;
        this.worklist = worklist;
    }

    /** The case's own waits and the repair's, as the repair feature tells them. */
    private static <T> Map<String, T> withRepairWaits(Map<String, T> own, Function<RepairBoardWait, T> value) {
        Map<String, T> all = new HashMap<>(own);
        for (RepairBoardWait wait : RepairBoardWait.values()) {
            all.put(wait.step(), value.apply(wait));
        }
        return Map.copyOf(all);
    }

    /** The stalled steps of these open cases, case by case. */
    @Transactional(readOnly = true)
    public List<StalledStep> audit(List<String> openCases) {
        List<StalledStep> stalled = new ArrayList<>();
        for (String caseNumber : openCases) {
            for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                    .variableValueEquals(ProcessVariables.CASE_NUMBER, caseNumber).active().list()) {
                for (String step : runtime.getActiveActivityIds(instance.getId()).stream().distinct().toList()) {
                    if (step.equals(RmaCaseBpmn.TASK_AWAIT_SPARE_RETURN)) {
                        // A multi-instance wait: each instance names its spare in a variable of its own execution.
                        for (Execution waiting : runtime.createExecutionQuery().processInstanceId(instance.getId())
                                .activityId(step).list()) {
                            check(caseNumber, waiting.getId(), step).ifPresent(stalled::add);
                        }
                    } else {
                        check(caseNumber, instance.getId(), step).ifPresent(stalled::add);
                    }
                }
            }
        }
        return stalled;
    }

    private Optional<StalledStep> check(String caseNumber, String instanceId, String step) {
        Optional<Message> actual;
        Message expected;
        if (SERIAL_OF.containsKey(step) && !isBackorderedPick(instanceId, step) && serial(instanceId, step) == null) {
            expected = Message.of("stalls.audit.boardNamed", SERIAL_OF.get(step));
            actual = Optional.of(Message.of("stalls.audit.noBoardNamed"));
        } else if (step.equals(RmaCaseBpmn.TASK_AWAIT_LINES)) {
            expected = Message.of("stalls.audit.lineProcesses");
            actual = linesProblem(caseNumber);
        } else if (step.equals(SpareDispatchBpmn.TASK_AWAIT_STOCK) || isBackorderedPick(instanceId, step)) {
            expected = Message.of("stalls.audit.inBackorderQueue");
            actual = backorderProblem(caseNumber, CaseLineVariables.lineOf(runtime, instanceId));
        } else if (step.equals(SpareDispatchBpmn.TASK_AWAIT_PICK)) {
            String serial = serial(instanceId, step);
            expected = Message.of("stalls.audit.reservedForCase", serial);
            actual = pickProblem(caseNumber, CaseLineVariables.lineOf(runtime, instanceId), serial);
        } else if (BOARD_FOR.containsKey(step)) {
            String serial = serial(instanceId, step);
            Set<BoardStatus> allowed = BOARD_FOR.get(step);
            expected = Message.of("stalls.audit.boardIn", serial, allowed.toString());
            actual = boards.find(serial).filter(b -> !allowed.contains(b.status())).map(StallAudit::describe)
                    .or(() -> boards.find(serial).isEmpty() ? Optional.of(Message.of("stalls.audit.noBoard", serial)) : Optional.empty());
        } else {
            Task task = tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(step).singleResult();
            if (task == null) {
                return Optional.empty();
            }
            expected = task.getAssignee() != null ? Message.of("stalls.audit.assigneeMayAct", task.getAssignee())
                    : Message.of("stalls.audit.someoneMayAct", candidateGroups(task).toString());
            actual = taskProblem(task);
        }
        return actual.map(now -> new StalledStep(caseNumber, step, expected, now));
    }

    /** The open lines of a case that waits for its lines, without a line process that could finish them. */
    private Optional<Message> linesProblem(String caseNumber) {
        Set<Integer> running = runtime.createProcessInstanceQuery().processDefinitionKey(CaseLineBpmn.PROCESS_KEY)
                .processInstanceBusinessKey(caseNumber).list().stream()
                .map(instance -> CaseLineVariables.lineOf(runtime, instance.getId())).collect(Collectors.toSet());
        List<Integer> orphaned = lookup.require(caseNumber).lines().stream().filter(l -> l.state().open())
                .map(CaseLineEntity::lineNo).filter(line -> !running.contains(line)).toList();
        return orphaned.isEmpty() ? Optional.empty() : Optional.of(Message.of("stalls.audit.orphanedLines", orphaned.toString()));
    }

    private boolean isBackorderedPick(String instanceId, String step) {
        return step.equals(SpareDispatchBpmn.TASK_AWAIT_PICK)
                && Boolean.TRUE.equals(runtime.getVariable(instanceId, SpareDispatchBpmn.BACKORDER));
    }

    private Optional<Message> backorderProblem(String caseNumber, int line) {
        Optional<ReservationOutcome> open = sourcing.openRequestOf(caseNumber, line);
        if (open.isEmpty()) {
            return Optional.of(Message.of("stalls.audit.noBackorder"));
        }
        return open.get().backorder() ? Optional.empty()
                : Optional.of(Message.of("stalls.audit.reservedButWaitsForStock", open.get().serial()));
    }

    private Optional<Message> pickProblem(String caseNumber, int line, String serial) {
        Optional<ReservationOutcome> open = sourcing.openRequestOf(caseNumber, line);
        if (open.isEmpty() || open.get().backorder()) {
            return Optional.of(open.isEmpty() ? Message.of("stalls.audit.noReservation")
                    : Message.of("stalls.audit.backorderedButPickWaits", serial));
        }
        if (!open.get().serial().equals(serial)) {
            return Optional.of(Message.of("stalls.audit.reservationHolds", open.get().serial()));
        }
        return boards.find(serial).filter(b -> b.status() != BoardStatus.RESERVED).map(StallAudit::describe);
    }

    private Optional<Message> taskProblem(Task task) {
        Object actAt = runtime.getVariable(task.getExecutionId(), ProcessVariables.ACT_AT);
        if (task.getAssignee() != null) {
            Optional<StaffUser> assignee = users.find(task.getAssignee());
            return assignee.filter(u -> mayAct(u, actAt)).isPresent() ? Optional.empty()
                    : Optional.of(Message.of(assignee.isEmpty() ? "stalls.audit.noUser" : "stalls.audit.mayNotAct", task.getAssignee()));
        }
        List<String> groups = candidateGroups(task);
        boolean someone = users.all().stream().map(UserSummary::username).map(users::find).flatMap(Optional::stream)
                .anyMatch(u -> mayAct(u, actAt) && worklist.groupsOf(u).stream().anyMatch(groups::contains));
        return someone ? Optional.empty() : Optional.of(actAt == null ? Message.of("stalls.audit.nobody", groups.toString())
                : Message.of("stalls.audit.nobodyAt", groups.toString(), actAt.toString()));
    }

    private static boolean mayAct(StaffUser user, Object actAt) {
        return user.isEnabled() && (actAt == null || user.mayActAt(actAt.toString()));
    }

    private List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    private String serial(String instanceId, String step) {
        return (String) runtime.getVariable(instanceId, SERIAL_OF.get(step));
    }

    private static Message describe(BoardInfo board) {
        return board.locationCode() == null ? Message.of("stalls.audit.boardIs", board.serial(), board.status().name())
                : Message.of("stalls.audit.boardIsAt", board.serial(), board.status().name(), board.locationCode());
    }
}
