package io.spareflow.sourcing.internal;

import java.time.Instant;

/** A case's request for a spare as the API shows it: what was asked, what is held where, and how it ended. */
public record ReservationView(long id, String caseNumber, int line, ReservationStatus status, String requestedPart, long siteId,
                              String tier, String serial, String partNumber, String depotCode, Double distanceKm,
                              Instant expectedOnSite, boolean predictedBreach, Instant createdAt, Instant reservedAt,
                              Instant expiresAt, Instant closedAt, String closeReason) {
}
