package io.spareflow.sourcing.internal;

import java.time.Instant;
import java.util.Map;

/**
 * A depot holding compatible AVAILABLE stock, as ranked for one destination: how far, how (road or air), how long in
 * the tier's calendar, when on site, how many boards of which compatible part, and whether that meets the tier's limit.
 */
public record Candidate(int rank, String depotCode, String depotName, String city, String country, double distanceKm,
                        Transport transport, long etaMinutes, Instant expectedOnSite, long boardsAvailable,
                        Map<String, Long> boardsByPart, boolean meetsLimit) {

    Candidate ranked(int newRank) {
        return new Candidate(newRank, depotCode, depotName, city, country, distanceKm, transport, etaMinutes,
                expectedOnSite, boardsAvailable, boardsByPart, meetsLimit);
    }

    String describe() {
        return depotCode + " (" + city + "): " + boardsAvailable + (boardsAvailable == 1 ? " board" : " boards")
                + " available, " + Math.round(distanceKm * 10) / 10.0 + " km, ETA " + etaMinutes + " min by "
                + transport.name().toLowerCase(java.util.Locale.ROOT);
    }
}
