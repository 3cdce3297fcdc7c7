package io.spareflow.sourcing.internal;

/**
 * Where a case's request for a spare stands. BACKORDER and RESERVED are open (still to be served or picked): a line has
 * at most one open request (spare_reservation_open_line_idx).
 */
public enum ReservationStatus {
    /** No compatible stock anywhere: waiting, oldest first, for a board to become AVAILABLE. */
    BACKORDER,
    /** One concrete board at a depot is held for the case until it is picked. */
    RESERVED,
    /** The depot picked the reserved board: the reservation has done its job (a later request of the case is a new one). */
    PICKED,
    /** Released on request, or because the board left RESERVED otherwise (e.g. quarantined). */
    RELEASED,
    /** Not picked in time: the board went back to AVAILABLE. */
    EXPIRED,
    /** A backorder that was called off before stock appeared. */
    CANCELLED
}
