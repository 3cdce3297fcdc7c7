package io.spareflow.repair.internal.process;

import io.spareflow.board.BoardMoveOrder;
import io.spareflow.board.BoardMoved;
import io.spareflow.board.BoardStatus;
import io.spareflow.common.SingleEngineCommand;
import io.spareflow.repair.BoardRepairBpmn;
import io.spareflow.repair.internal.RepairWork;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Scans move the board-repair process on: intake at the repair center, put-away at the stock depot, delivery back to
 * the customer. Runs inside the scan's transaction, so the scan and the process step commit together; a board that
 * no repair waits for correlates to nothing and the scan stands on its own.
 */
@Component
class RepairScanCorrelation {

    private final RuntimeService runtime;
    private final RepairWork work;
    private final SingleEngineCommand command;

    RepairScanCorrelation(RuntimeService runtime, RepairWork work, SingleEngineCommand command) {
        this.runtime = runtime;
        this.work = work;
        this.command = command;
    }

    /** The look-up of the waiting execution and the correlation are one engine command, reading its tree once. */
    @EventListener
    @Order(BoardMoveOrder.REPAIR)
    void on(BoardMoved moved) {
        command.run(() -> react(moved));
    }

    private void react(BoardMoved moved) {
        if (moved.to() == BoardStatus.IN_REPAIR) {
            for (Execution waiting : waiting(BoardRepairBpmn.MESSAGE_REPAIR_INTAKE, moved)) {
                correlate(BoardRepairBpmn.MESSAGE_REPAIR_INTAKE, waiting, Map.of(BoardRepairBpmn.ACT_AT, moved.locationCode()));
            }
        } else if (moved.to() == BoardStatus.AVAILABLE && moved.from() == BoardStatus.RECEIVED) {
            for (Execution waiting : waiting(BoardRepairBpmn.MESSAGE_BOARD_PUT_AWAY, moved)) {
                work.returned((String) runtime.getVariable(waiting.getId(), BoardRepairBpmn.CASE_NUMBER), moved.serial());
                correlate(BoardRepairBpmn.MESSAGE_BOARD_PUT_AWAY, waiting, Map.of());
            }
        } else if (moved.to() == BoardStatus.INSTALLED) {
            for (Execution waiting : waiting(BoardRepairBpmn.MESSAGE_REPAIRED_BOARD_DELIVERED, moved)) {
                correlate(BoardRepairBpmn.MESSAGE_REPAIRED_BOARD_DELIVERED, waiting, Map.of());
            }
        }
    }

    /** The executions of repairs of this board that wait for {@code message}. */
    private List<Execution> waiting(String message, BoardMoved moved) {
        return runtime.createExecutionQuery().messageEventSubscriptionName(message)
                .processVariableValueEquals(BoardRepairBpmn.REPAIR_SERIAL, moved.serial()).list();
    }

    /** The one way this adapter delivers a message: to the process instance of an execution found waiting for it. */
    private void correlate(String message, Execution waiting, Map<String, Object> variables) {
        runtime.createMessageCorrelation(message).processInstanceId(waiting.getProcessInstanceId())
                .setVariables(variables).correlate();
    }
}
