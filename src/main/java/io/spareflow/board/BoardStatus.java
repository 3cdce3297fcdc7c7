package io.spareflow.board;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of one serialized board, and the only place that says which move is allowed from where.
 * <pre>
 * spare flow:      RECEIVED → AVAILABLE → RESERVED → PICKED → PACKED → IN_TRANSIT → INSTALLED
 * put back:        PICKED | PACKED → AVAILABLE; IN_TRANSIT → RECEIVED (a cancelled case's spare)
 * defective flow:  INSTALLED → DEFECTIVE_IN_TRANSIT → DEFECTIVE_RECEIVED → IN_REPAIR → REPAIRED | NFF | SCRAPPED
 * back to stock:   REPAIRED | NFF → PACKED → IN_TRANSIT → RECEIVED → AVAILABLE
 * QUARANTINE holds anything suspicious until a supervisor releases it.
 * </pre>
 */
public enum BoardStatus {
    RECEIVED,
    AVAILABLE,
    RESERVED,
    PICKED,
    PACKED,
    IN_TRANSIT,
    INSTALLED,
    DEFECTIVE_IN_TRANSIT,
    DEFECTIVE_RECEIVED,
    IN_REPAIR,
    REPAIRED,
    NFF,
    SCRAPPED,
    QUARANTINE;

    private static final Map<BoardStatus, Set<BoardStatus>> NEXT = new EnumMap<>(BoardStatus.class);

    static {
        allow(RECEIVED, AVAILABLE, QUARANTINE);
        allow(AVAILABLE, RESERVED, QUARANTINE);
        allow(RESERVED, AVAILABLE, PICKED, QUARANTINE);
        allow(PICKED, PACKED, AVAILABLE, QUARANTINE);
        // Unpacked and put away: a spare packed for a case that was cancelled before it left the depot.
        allow(PACKED, IN_TRANSIT, AVAILABLE, QUARANTINE);
        allow(IN_TRANSIT, INSTALLED, RECEIVED, QUARANTINE);
        allow(INSTALLED, DEFECTIVE_IN_TRANSIT, DEFECTIVE_RECEIVED);
        allow(DEFECTIVE_IN_TRANSIT, DEFECTIVE_RECEIVED, QUARANTINE);
        allow(DEFECTIVE_RECEIVED, DEFECTIVE_IN_TRANSIT, IN_REPAIR, SCRAPPED, QUARANTINE);
        allow(IN_REPAIR, REPAIRED, NFF, SCRAPPED);
        allow(REPAIRED, PACKED, QUARANTINE);
        allow(NFF, PACKED, QUARANTINE);
        allow(QUARANTINE, RECEIVED, DEFECTIVE_RECEIVED, SCRAPPED);
        allow(SCRAPPED);
    }

    private static void allow(BoardStatus from, BoardStatus... to) {
        NEXT.put(from, to.length == 0 ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.of(to[0], to)));
    }

    /** The statuses a board may move to from this one. */
    public Set<BoardStatus> next() {
        return NEXT.get(this);
    }

    public boolean canMoveTo(BoardStatus target) {
        return next().contains(target);
    }

    /** Whether the board is physically at a location (as opposed to at a customer site or on the road). */
    public boolean isAtLocation() {
        return this != INSTALLED && this != IN_TRANSIT && this != DEFECTIVE_IN_TRANSIT;
    }
}
