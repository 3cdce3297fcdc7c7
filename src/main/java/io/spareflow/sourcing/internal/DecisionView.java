package io.spareflow.sourcing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A recorded sourcing decision of a case: what was chosen (depot, serial), why, and the candidates considered. */
public record DecisionView(long id, String caseNumber, long reservationId, DecisionKind kind, Instant madeAt,
                           String madeBy, String requestedPart, long siteId, String tier, Integer limitMinutes,
                           String chosenDepot, String chosenSerial, String reason, int candidatesTotal,
                           JsonNode candidates) {
}
