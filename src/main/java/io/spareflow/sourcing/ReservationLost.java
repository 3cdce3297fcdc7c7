package io.spareflow.sourcing;

import io.spareflow.common.Message;

/**
 * A case's reserved board is no longer held for it: released, expired or moved away (quarantined, scrapped). Published
 * inside the transaction that closed the reservation, before a released board is AVAILABLE again, so a listener that
 * sources the case anew in that transaction gets another board. {@code reason}: why, to be worded for its reader.
 */
public record ReservationLost(long reservationId, String caseNumber, int line, String serial, String depotCode, Cause cause,
                              Message reason) {

    public enum Cause {
        /** Released on request ({@code DELETE /api/sourcing/reservations/{id}}). */
        RELEASED,
        /** Not picked by its due time (the expiry job). */
        EXPIRED,
        /** The board left RESERVED by another action than a pick (e.g. quarantined or scrapped). */
        BOARD_MOVED
    }
}
