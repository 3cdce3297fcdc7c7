package io.spareflow.rma;

/** Where one line (one faulty board) of a case stands; its line process ({@code case-line}) moves it. */
public enum LineState {
    /** The board is named (at the report or by the diagnosis); nothing is sent or expected yet. */
    NAMED,
    /** A spare for this board is being sourced, picked, packed or shipped. */
    SPARE_DISPATCH,
    /** No compatible stock anywhere: this line waits for a spare. */
    BACKORDERED,
    /** The faulty board is expected back. */
    AWAITING_RETURN,
    /** The faulty board is at the repair center. */
    IN_REPAIR,
    /** Done: repaired, scrapped or found without fault (or the case was resolved without it). */
    FINISHED,
    /** Given up on its own (the board was not faulty after all, named by mistake). */
    CANCELLED;

    /** Whether work on the line is still to come. */
    public boolean open() {
        return this != FINISHED && this != CANCELLED;
    }
}
