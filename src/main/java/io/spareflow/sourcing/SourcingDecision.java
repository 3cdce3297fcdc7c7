package io.spareflow.sourcing;

import java.time.Instant;
import java.util.List;

/**
 * Why a case's spare comes from where it comes from: the choice (depot and board, or a backorder), the reason, and the
 * depots considered, best first.
 */
public record SourcingDecision(String kind, Instant madeAt, String madeBy, String tier, Integer limitMinutes,
                               String chosenDepot, String chosenSerial, String reason, int candidatesTotal,
                               List<Candidate> candidates) {

    /** One depot considered: distance, transport, ETA on site, compatible boards, and whether it meets the limit. */
    public record Candidate(int rank, String depotCode, String city, double distanceKm, String transport,
                            long etaMinutes, Instant expectedOnSite, long boardsAvailable, boolean meetsLimit) {
    }
}
