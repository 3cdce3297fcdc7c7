package io.spareflow.sourcing;

import io.spareflow.common.Message;
import java.util.List;
import java.util.Optional;

/**
 * Finds and reserves a spare board for a case: the nearest depot with compatible available stock that can reach the
 * site within the tier's limit. Implemented by the sourcing feature; used by the case lifecycle.
 */
public interface SpareSourcing {

    /**
     * Reserves one concrete board for a line of the case (one faulty board; a case has lines 1, 2, …), atomically (a board is never reserved twice). When no depot has
     * compatible stock the case is put on backorder ({@link ReservationOutcome#backorder()}); it is served when stock
     * appears, announced by {@link SpareReserved}. The decision (candidates, distances, ETAs) is recorded with the case.
     * Calling it again for a line that already holds an open reservation or backorder returns that one.
     */
    default ReservationOutcome reserve(String partNumber, long siteId, String caseNumber, int line) {
        return reserve(partNumber, siteId, caseNumber, line, SpareNeed.ADVANCE_EXCHANGE);
    }

    /**
     * As {@link #reserve(String, long, String, int)}, for the given need: an advance-exchange spare is refused for a
     * repair-and-return tier (409), a {@link SpareNeed#REPLACEMENT replacement} of a board beyond repair is not.
     */
    ReservationOutcome reserve(String partNumber, long siteId, String caseNumber, int line, SpareNeed need);

    /**
     * Releases the line's open reservation (board back to AVAILABLE) or cancels its backorder, for {@code reason} (kept
     * on the decision and worded when read); nothing open, nothing done.
     */
    void release(String caseNumber, int line, Message reason);

    /**
     * Replaces the reserved board by another AVAILABLE board of a compatible part at the same depot (explicit swap at
     * the pick), updating the reservation.
     */
    ReservationOutcome swap(String caseNumber, int line, String newSerial, String username);

    /** The line's open request: a board reserved for it, or its place in the backorder queue; empty when none is open. */
    Optional<ReservationOutcome> openRequestOf(String caseNumber, int line);

    /** The sourcing decisions recorded for the case, oldest first (empty when none was made). */
    List<SourcingDecision> decisionsOf(String caseNumber);

    /** The boards a depot must pick now: its open reservations, oldest first (the depot's pick list). */
    List<ReservationOutcome> picksAt(String depotCode);
}
