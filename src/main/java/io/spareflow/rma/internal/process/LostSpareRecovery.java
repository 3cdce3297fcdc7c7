package io.spareflow.rma.internal.process;

import io.spareflow.rma.SpareDispatchBpmn;
import io.spareflow.rma.internal.SpareTransitions;
import io.spareflow.sourcing.ReservationLost;
import io.spareflow.sourcing.ReservationOutcome;
import io.spareflow.sourcing.SpareReserved;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A case waiting for the pick of a board that is no longer reserved for it is sourced again, in the transaction that
 * lost the reservation: the pick then waits for the new board, or (no stock anywhere) for the board that serves the
 * backorder. The process stays at its pick wait either way, so no case is left waiting for a board that cannot come.
 */
@Component
class LostSpareRecovery {

    private final RuntimeService runtime;
    private final SpareTransitions spares;
    private final LineSpares lineSpares;

    LostSpareRecovery(RuntimeService runtime, SpareTransitions spares, LineSpares lineSpares) {
        this.runtime = runtime;
        this.spares = spares;
        this.lineSpares = lineSpares;
    }

    @EventListener
    void on(ReservationLost lost) {
        for (Execution execution : waitingForPick(SpareDispatchBpmn.SPARE_SERIAL, lost.serial())) {
            ReservationOutcome next = lineSpares.reserve(lost.caseNumber(), lost.line());
            spares.spareResourced(lost, next);
            runtime.setVariables(execution.getProcessInstanceId(),
                    SpareDispatchVariables.spare(next.backorder() ? null : next.serial()));
        }
    }

    /** A backorder made at the pick wait was served: the pick now waits for the board that serves it. */
    @EventListener
    void on(SpareReserved served) {
        ReservationOutcome reservation = served.reservation();
        for (Execution execution : waitingForPick(SpareDispatchBpmn.CASE_NUMBER, reservation.caseNumber())) {
            if (Boolean.TRUE.equals(runtime.getVariable(execution.getId(), SpareDispatchBpmn.BACKORDER))
                    && CaseLineVariables.lineOf(runtime, execution.getId()) == reservation.line()) {
                spares.spareSourced(reservation);
                runtime.setVariables(execution.getProcessInstanceId(), SpareDispatchVariables.served(reservation.serial()));
            }
        }
    }

    private List<Execution> waitingForPick(String variable, String value) {
        return runtime.createExecutionQuery().messageEventSubscriptionName(SpareDispatchBpmn.MESSAGE_BOARD_PICKED)
                .processVariableValueEquals(variable, value).list();
    }
}
