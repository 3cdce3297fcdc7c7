package io.spareflow.board;

import java.time.Duration;
import java.time.Instant;

/**
 * The time a board spent between two consecutive hand-offs, in the state the first one left it in
 * (e.g. IN_TRANSIT from a SHIP scan at CTU to a RECEIVE scan at RC-SZX).
 */
public record CustodyLeg(BoardStatus status, MoveReason fromAction, String fromPlace, MoveReason toAction, String toPlace,
                         Instant start, Instant end, long seconds) {

    static CustodyLeg between(CustodyRecord first, CustodyRecord next) {
        return new CustodyLeg(first.to(), first.action(), place(first), next.action(), place(next), first.at(), next.at(),
                Duration.between(first.at(), next.at()).toSeconds());
    }

    private static String place(CustodyRecord record) {
        return record.locationCode() != null ? record.locationCode()
                : record.siteId() != null ? "site " + record.siteId() : null;
    }
}
