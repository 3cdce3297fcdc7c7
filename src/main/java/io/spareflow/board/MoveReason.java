package io.spareflow.board;

/**
 * Why a board moved: the hand-off a scan reported (the scan actions, one for one) or a step of the system itself.
 * Stored by name in the chain of custody.
 */
public enum MoveReason {
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
    QUARANTINE,
    /** The board entered the register (import, demo data, an unknown board found by a scan). */
    REGISTER,
    /** Sourcing reserved the board as a case's spare. */
    RESERVE,
    /** Sourcing released a reservation. */
    RELEASE,
    /** A reservation ran out. */
    EXPIRE,
    /** The depot picked another board than the reserved one, which now holds the reservation. */
    SWAP
}
