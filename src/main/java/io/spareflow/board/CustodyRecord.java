package io.spareflow.board;

import java.time.Instant;

/** One hand-off in a board's chain of custody: who moved it where, from which state to which, and why. */
public record CustodyRecord(BoardStatus from, BoardStatus to, MoveReason action, String locationCode, Long siteId,
                            String username, String device, Long scanId, String caseNumber, String trackingNumber,
                            String note, Instant at) {
}
