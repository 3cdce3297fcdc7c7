package io.spareflow.rma.internal.process;

import io.spareflow.board.BoardMoveOrder;
import io.spareflow.board.BoardMoved;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.CustodyRecord;
import io.spareflow.board.MoveContext;
import io.spareflow.board.MoveReason;
import io.spareflow.common.ProcessVariables;
import io.spareflow.common.SingleEngineCommand;
import io.spareflow.customer.Customers;
import io.spareflow.rma.CaseLineBpmn;
import io.spareflow.rma.RmaCaseBpmn;
import io.spareflow.rma.SpareDispatchBpmn;
import io.spareflow.rma.internal.CaseEntity;
import io.spareflow.rma.internal.CaseLookup;
import io.spareflow.rma.internal.CaseTransitions;
import io.spareflow.rma.internal.LineTransitions;
import io.spareflow.rma.internal.SpareTransitions;
import io.spareflow.rma.internal.Limit;
import io.spareflow.sourcing.ReservationOutcome;
import io.spareflow.sourcing.SpareReserved;
import io.spareflow.sourcing.SpareSourcing;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Scans move the case and spare-dispatch processes on, by board serial: the reserved spare's pick, pack, ship and
 * delivery, the defective board's return, and a cancelled case's spare back in stock. Runs inside the scan's transaction, so a scan and the step it completes
 * commit together (a restart loses neither). Only executions that wait for the message are signalled, so a scan that
 * no process waits for stands on its own and never fails because of the engine.
 */
@Component
class CaseScanCorrelation {

    private final RuntimeService runtime;
    private final CaseLookup lookup;
    private final CaseTransitions cases;
    private final LineTransitions lines;
    private final SpareTransitions spares;
    private final Boards boards;
    private final SpareSourcing sourcing;
    private final Customers customers;
    private final SingleEngineCommand command;

    CaseScanCorrelation(RuntimeService runtime, CaseLookup lookup, CaseTransitions cases, LineTransitions lines,
                        SpareTransitions spares, Boards boards, SpareSourcing sourcing,
                        Customers customers, SingleEngineCommand command) {
        this.runtime = runtime;
        this.lookup = lookup;
        this.cases = cases;
        this.lines = lines;
        this.spares = spares;
        this.boards = boards;
        this.sourcing = sourcing;
        this.customers = customers;
        this.command = command;
    }

    /**
     * The look-up of the waiting executions, their variables and the correlation are one engine command, which
     * reads each execution tree and definition once.
     */
    @EventListener
    @Order(BoardMoveOrder.CASES)
    void on(BoardMoved moved) {
        command.run(() -> react(moved));
    }

    private void react(BoardMoved moved) {
        MoveContext context = moved.context();
        String actor = context == null || context.username() == null ? "system" : context.username();
        switch (moved.to()) {
            case PICKED -> signal(SpareDispatchBpmn.MESSAGE_BOARD_PICKED, SpareDispatchBpmn.SPARE_SERIAL, moved,
                    (caseNumber, line) -> step(() -> spares.sparePicked(caseNumber, line, moved.serial(), actor)));
            case PACKED -> signal(SpareDispatchBpmn.MESSAGE_BOARD_PACKED, SpareDispatchBpmn.SPARE_SERIAL, moved,
                    (caseNumber, line) -> step(() -> spares.sparePacked(caseNumber, line, moved.serial(), actor)));
            case IN_TRANSIT -> signal(SpareDispatchBpmn.MESSAGE_BOARD_SHIPPED, SpareDispatchBpmn.SPARE_SERIAL, moved,
                    (caseNumber, line) -> step(() -> spares.spareShipped(caseNumber, line, moved.serial(),
                            context == null ? null : context.trackingNumber(), actor)));
            case INSTALLED -> {
                spares.refuseDeliveryOfReturningSpare(moved.serial());
                signal(SpareDispatchBpmn.MESSAGE_BOARD_DELIVERED, SpareDispatchBpmn.SPARE_SERIAL, moved,
                        (caseNumber, line) -> step(() -> spares.spareDelivered(caseNumber, line, moved.serial(), moved.siteId(), actor)));
            }
            case RESERVED -> spareSwapped(moved, actor);
            case AVAILABLE -> spareReturned(moved, actor);
            case DEFECTIVE_RECEIVED -> defectiveReceived(moved, actor);
            default -> {
                // other moves (stock handling, repair) are not waited for by these processes
            }
        }
    }

    /** Sourcing served a backordered line: its dispatch continues with the reserved board. */
    @EventListener
    void on(SpareReserved served) {
        ReservationOutcome reservation = served.reservation();
        for (Execution execution : waitingOnLine(SpareDispatchBpmn.MESSAGE_SPARE_RESERVED, reservation.caseNumber(),
                reservation.line())) {
            spares.spareSourced(reservation);
            correlate(SpareDispatchBpmn.MESSAGE_SPARE_RESERVED, execution, SpareDispatchVariables.served(reservation.serial()));
        }
    }

    /**
     * Another board was reserved for a case that waits for its pick (an explicit swap at the depot): the pick now
     * waits for that board.
     */
    private void spareSwapped(BoardMoved moved, String actor) {
        // A board reserved by sourcing itself (a new reservation or a served backorder) is not a swap.
        String caseNumber = moved.context() == null || moved.context().action() != MoveReason.SWAP ? null
                : moved.context().caseNumber();
        if (caseNumber == null) {
            return;
        }
        for (Execution execution : waiting(SpareDispatchBpmn.MESSAGE_BOARD_PICKED, SpareDispatchBpmn.CASE_NUMBER, caseNumber)) {
            int line = CaseLineVariables.lineOf(runtime, execution.getId());
            if (sourcing.openRequestOf(caseNumber, line).filter(r -> moved.serial().equals(r.serial())).isPresent()) {
                runtime.setVariable(execution.getProcessInstanceId(), SpareDispatchBpmn.SPARE_SERIAL, moved.serial());
                spares.spareSwapped(caseNumber, line, moved.serial(), moved.locationCode(), actor);
            }
        }
    }

    /**
     * A spare that was on its way to a cancelled case is back in stock: the one instance of the cancelled case's
     * multi-instance wait that holds this spare goes on. Its element variable lives on the instance's concurrent
     * parent execution, not on the waiting one, so it is read up the tree rather than queried.
     */
    private void spareReturned(BoardMoved moved, String actor) {
        List<Execution> waiting = runtime.createExecutionQuery().messageEventSubscriptionName(RmaCaseBpmn.MESSAGE_SPARE_RETURNED)
                .list().stream().filter(e -> moved.serial().equals(runtime.getVariable(e.getId(), RmaCaseVariables.RETURNING_SPARE)))
                .toList();
        for (Execution execution : waiting) {
            String caseNumber = (String) runtime.getVariable(execution.getId(), ProcessVariables.CASE_NUMBER);
            cases.cancelledSpareReturned(caseNumber, moved.serial(), moved.locationCode(), actor);
            runtime.messageEventReceived(RmaCaseBpmn.MESSAGE_SPARE_RETURNED, execution.getId());
        }
    }

    private void defectiveReceived(BoardMoved moved, String actor) {
        boolean expected = signal(CaseLineBpmn.MESSAGE_DEFECTIVE_RECEIVED, CaseLineBpmn.FAULTY_SERIAL, moved, (caseNumber, line) -> {
            Limit repair = lines.defectiveReceived(caseNumber, line, moved.locationCode(), actor);
            return CaseLineVariables.repairLimit(repair);
        });
        if (expected) {
            return;
        }
        String namedCase = moved.context() == null ? null : moved.context().caseNumber();
        Optional<CaseEntity> open = lookup.findOpenBySerial(moved.serial());
        if (namedCase == null && open.isEmpty()) {
            namedCase = caseAwaitingThisPartFromTheBoardsCustomer(moved).orElse(null);
        }
        if (namedCase != null && open.isEmpty() && lookup.isOpen(namedCase)) {
            lines.wrongBoardReturned(namedCase, moved.serial(), moved.locationCode(), actor);
        }
        if (open.isEmpty()) {
            boards.followUp(moved.serial(), BoardStatus.QUARANTINE, moved.locationCode(), null,
                    new MoveContext(MoveReason.QUARANTINE, "system", null, null, namedCase, null,
                            "defective board returned with no open case for its serial"));
        }
    }

    /**
     * A defective board returned without a case number: the case of the customer where it was last installed that
     * waits for the return of a board of the same part, if any (it is flagged there rather than silently quarantined).
     */
    private Optional<String> caseAwaitingThisPartFromTheBoardsCustomer(BoardMoved moved) {
        List<CustodyRecord> custody = boards.history(moved.serial()).custody();
        for (int i = custody.size() - 1; i >= 0; i--) {
            Long siteId = custody.get(i).siteId();
            if (siteId != null) {
                return customers.site(siteId)
                        .flatMap(site -> lookup.awaitingReturnOf(site.customerCode(), moved.partNumber()));
            }
        }
        return Optional.empty();
    }

    /**
     * Signals every execution waiting for {@code message} whose process has {@code serialVariable} = the board's
     * serial, after {@code step} has recorded it on the case's line; the step may hand variables to the process.
     */
    private boolean signal(String message, String serialVariable, BoardMoved moved,
                           BiFunction<String, Integer, Map<String, Object>> step) {
        List<Execution> waiting = waiting(message, serialVariable, moved.serial());
        for (Execution execution : waiting) {
            // case and line in one engine command: each command reads the execution tree and its definition again
            Map<String, Object> caseLine = runtime.getVariables(execution.getId(), List.of(ProcessVariables.CASE_NUMBER, ProcessVariables.LINE));
            correlate(message, execution, step.apply((String) caseLine.get(ProcessVariables.CASE_NUMBER),
                    CaseLineVariables.line(caseLine.get(ProcessVariables.LINE))));
        }
        return !waiting.isEmpty();
    }

    /** The executions of a case's line that wait for {@code message}. */
    private List<Execution> waitingOnLine(String message, String caseNumber, int line) {
        return waiting(message, ProcessVariables.CASE_NUMBER, caseNumber).stream()
                .filter(execution -> CaseLineVariables.lineOf(runtime, execution.getId()) == line).toList();
    }

    /** The executions that wait for {@code message} in a process whose {@code variable} is {@code value}. */
    private List<Execution> waiting(String message, String variable, String value) {
        return runtime.createExecutionQuery().messageEventSubscriptionName(message)
                .processVariableValueEquals(variable, value).list();
    }

    /** The one way this adapter delivers a message: to the process instance of an execution found waiting for it. */
    private void correlate(String message, Execution waiting, Map<String, Object> variables) {
        runtime.createMessageCorrelation(message).processInstanceId(waiting.getProcessInstanceId())
                .setVariables(variables).correlate();
    }

    private static Map<String, Object> step(Runnable record) {
        record.run();
        return Map.of();
    }
}
