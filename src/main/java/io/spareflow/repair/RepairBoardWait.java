package io.spareflow.repair;

import io.spareflow.board.BoardStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * The steps of a board's repair that wait for a scan of the board under repair, and where that board must be for the
 * scan to be accepted and matched: what an audit of waiting steps checks, without knowing the repair process's ids.
 */
public enum RepairBoardWait {

    /** The defective board on its way to, or received at, the repair center. */
    INTAKE(BoardRepairBpmn.TASK_AWAIT_INTAKE, EnumSet.of(BoardStatus.DEFECTIVE_RECEIVED, BoardStatus.DEFECTIVE_IN_TRANSIT)),
    /** The repaired board going back to stock. */
    PUTAWAY(BoardRepairBpmn.TASK_AWAIT_PUTAWAY, EnumSet.of(BoardStatus.REPAIRED, BoardStatus.PACKED, BoardStatus.IN_TRANSIT,
            BoardStatus.RECEIVED)),
    /** The repaired (or no-fault-found) board going back to the customer. */
    RETURN_DELIVERY(BoardRepairBpmn.TASK_AWAIT_RETURN_DELIVERY, EnumSet.of(BoardStatus.REPAIRED, BoardStatus.NFF,
            BoardStatus.PACKED, BoardStatus.IN_TRANSIT));

    private final String step;
    private final Set<BoardStatus> boardIn;

    RepairBoardWait(String step, Set<BoardStatus> boardIn) {
        this.step = step;
        this.boardIn = boardIn;
    }

    /** The waiting step's activity id, as the engine reports it among a repair's active steps. */
    public String step() {
        return step;
    }

    /** The process variable that names the board the step waits for. */
    public String boardVariable() {
        return BoardRepairBpmn.REPAIR_SERIAL;
    }

    /** Where the board must be for the awaited scan to be accepted and matched. */
    public Set<BoardStatus> boardIn() {
        return boardIn;
    }
}
