package io.spareflow.sourcing;

import java.time.Instant;

/**
 * The result of sourcing a spare for a case: a reserved board at a depot with its expected arrival on site, or a
 * backorder, for one line of the case (one faulty board). {@code predictedBreach} says the arrival is expected after the
 * tier's spare-on-site limit.
 */
public record ReservationOutcome(Status status, Long reservationId, String caseNumber, int line, String serial,
                                 String partNumber, String depotCode, double distanceKm, Instant expectedOnSite,
                                 boolean predictedBreach) {

    public enum Status { RESERVED, BACKORDER }

    public boolean backorder() {
        return status == Status.BACKORDER;
    }
}
