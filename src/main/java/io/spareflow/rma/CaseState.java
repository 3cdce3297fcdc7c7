package io.spareflow.rma;

/** Where a case stands in its lifecycle (the BPMN process {@code rma-case} moves it). */
public enum CaseState {
    /** Waiting for an agent to accept it (and become its first owner). */
    REPORTED,
    /** Accepted: remote diagnosis by the first owner. */
    DIAGNOSING,
    /** An engineer goes on site. */
    ON_SITE,
    /** A spare is being sourced, picked, packed or shipped. */
    SPARE_DISPATCH,
    /** No compatible stock anywhere: waiting for a spare. */
    BACKORDERED,
    /** The defective board is expected back. */
    AWAITING_RETURN,
    /** The defective board is at the repair center. */
    IN_REPAIR,
    /** Fixed (remotely, on site, or by exchange and repair): the first owner closes it. */
    RESOLVED,
    CLOSED,
    /** Cancelled before it was resolved: terminal like CLOSED (a spare already on its way is still expected back). */
    CANCELLED;

    /** Whether the case is over: closed or cancelled, so its serial may be on a new case. */
    public boolean isTerminal() {
        return this == CLOSED || this == CANCELLED;
    }
}
