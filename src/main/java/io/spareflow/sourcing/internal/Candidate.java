package io.spareflow.sourcing.internal;

import io.spareflow.common.Message;
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

    Message describe() {
        return Message.of("sourcing.reason.candidate", depotCode, city,
                Message.of(boardsAvailable == 1 ? "sourcing.reason.oneBoard" : "sourcing.reason.boards", String.valueOf(boardsAvailable)),
                String.valueOf(Math.round(distanceKm * 10) / 10.0), String.valueOf(etaMinutes),
                Message.of("sourcing.transport." + transport.name()));
    }
}
