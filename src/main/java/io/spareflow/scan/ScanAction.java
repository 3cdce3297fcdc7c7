package io.spareflow.scan;

import io.spareflow.board.BoardStatus;
import io.spareflow.board.MoveReason;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a scan at a hand-off says happened to the board. Each action names the status it moves the board to; whether
 * that move is allowed from the board's current status is {@link BoardStatus}'s decision alone.
 */
public enum ScanAction {
    RECEIVE,
    PUTAWAY,
    PICK,
    PACK,
    SHIP,
    DELIVER,
    DEFECTIVE_RECEIVE,
    REPAIR_INTAKE,
    REPAIR_RESULT,
    SCRAP,
    QUARANTINE;

    /**
     * The status this action moves a board in {@code current} to. SHIP sends a defective board on as defective;
     * REPAIR_RESULT needs the {@code outcome} of the test.
     */
    public BoardStatus target(BoardStatus current, RepairOutcome outcome) {
        return switch (this) {
            case RECEIVE -> BoardStatus.RECEIVED;
            case PUTAWAY -> BoardStatus.AVAILABLE;
            case PICK -> BoardStatus.PICKED;
            case PACK -> BoardStatus.PACKED;
            case SHIP -> current == BoardStatus.DEFECTIVE_RECEIVED ? BoardStatus.DEFECTIVE_IN_TRANSIT : BoardStatus.IN_TRANSIT;
            case DELIVER -> BoardStatus.INSTALLED;
            case DEFECTIVE_RECEIVE -> BoardStatus.DEFECTIVE_RECEIVED;
            case REPAIR_INTAKE -> BoardStatus.IN_REPAIR;
            case REPAIR_RESULT -> outcome == null ? null : outcome.status();
            case SCRAP -> BoardStatus.SCRAPPED;
            case QUARANTINE -> BoardStatus.QUARANTINE;
        };
    }

    /** The reason this scan gives a board move: the same name, so the chain of custody reads as the scans did. */
    public MoveReason reason() {
        return MoveReason.valueOf(name());
    }

    /** Whether this action is allowed now on a board in {@code current} (for REPAIR_RESULT: with some outcome). */
    public boolean isAllowedFrom(BoardStatus current) {
        if (this == REPAIR_RESULT) {
            return EnumSet.allOf(RepairOutcome.class).stream().anyMatch(o -> current.canMoveTo(o.status()));
        }
        return current.canMoveTo(target(current, null));
    }

    /** The actions a scan may make on a board in {@code current}. */
    public static Set<ScanAction> allowedFrom(BoardStatus current) {
        Set<ScanAction> allowed = EnumSet.noneOf(ScanAction.class);
        for (ScanAction action : values()) {
            if (action.isAllowedFrom(current)) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    /** Actions that may meet a board nobody registered: it is found, not lost (registered in quarantine). */
    public boolean mayFindUnknownBoards() {
        return this == RECEIVE || this == DEFECTIVE_RECEIVE;
    }
}
