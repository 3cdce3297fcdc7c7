package io.spareflow.scan;

import io.spareflow.board.BoardStatus;

/** What a REPAIR_RESULT scan reports after the test: the board was repaired, or no fault was found. */
public enum RepairOutcome {
    REPAIRED(BoardStatus.REPAIRED),
    NFF(BoardStatus.NFF);

    private final BoardStatus status;

    RepairOutcome(BoardStatus status) {
        this.status = status;
    }

    public BoardStatus status() {
        return status;
    }
}
