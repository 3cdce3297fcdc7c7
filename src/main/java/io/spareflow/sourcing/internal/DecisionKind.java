package io.spareflow.sourcing.internal;

/** What was decided about a case's spare. */
public enum DecisionKind {
    RESERVED,
    BACKORDER,
    BACKORDER_SERVED,
    SWAPPED,
    RELEASED,
    EXPIRED,
    CANCELLED
}
