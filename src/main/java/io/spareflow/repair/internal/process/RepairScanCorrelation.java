package io.spareflow.repair.internal.process;

import io.spareflow.board.BoardMoved;
import io.spareflow.board.BoardStatus;
import io.spareflow.repair.internal.RepairWork;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.context.event.EventListener;
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

    RepairScanCorrelation(RuntimeService runtime, RepairWork work) {
        this.runtime = runtime;
        this.work = work;
    }

    @EventListener
    void on(BoardMoved moved) {
        if (moved.to() == BoardStatus.IN_REPAIR) {
            correlate("RepairIntake", moved, moved.locationCode());
        } else if (moved.to() == BoardStatus.AVAILABLE && moved.from() == BoardStatus.RECEIVED) {
            for (Execution waiting : runtime.createExecutionQuery().messageEventSubscriptionName("BoardPutAway")
                    .processVariableValueEquals(BoardRepairVariables.REPAIR_SERIAL, moved.serial()).list()) {
                work.returned((String) runtime.getVariable(waiting.getId(), BoardRepairVariables.CASE_NUMBER));
                runtime.messageEventReceived("BoardPutAway", waiting.getId());
            }
        } else if (moved.to() == BoardStatus.INSTALLED) {
            correlate("RepairedBoardDelivered", moved, null);
        }
    }

    private void correlate(String message, BoardMoved moved, String actAt) {
        var correlation = runtime.createMessageCorrelation(message)
                .processInstanceVariableEquals(BoardRepairVariables.REPAIR_SERIAL, moved.serial());
        if (actAt != null) {
            correlation.setVariable(BoardRepairVariables.ACT_AT, actAt);
        }
        correlation.correlateAll();
    }
}
