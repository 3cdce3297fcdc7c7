package io.spareflow.sourcing.internal;

import java.util.Set;

/** Where a case's request for a spare stands. */
public enum ReservationStatus {
    /** No compatible stock anywhere: waiting, oldest first, for a board to become AVAILABLE. */
    BACKORDER,
    /** One concrete board at a depot is held for the case until it is picked. */
    RESERVED,
    /** The depot picked the reserved board: the reservation has done its job. */
    PICKED,
    /** Released on request, or because the board left RESERVED otherwise (e.g. quarantined). */
    RELEASED,
    /** Not picked in time: the board went back to AVAILABLE. */
    EXPIRED,
    /** A backorder that was called off before stock appeared. */
    CANCELLED;

    /** A case has at most one request in these statuses (see spare_reservation_active_case_idx). */
    static final Set<ReservationStatus> ACTIVE = Set.of(BACKORDER, RESERVED, PICKED);
}
