package io.spareflow.board;

/**
 * Why and by whom a board moves: the scan action (or a system step such as a reservation), the user and device,
 * the scan's id, and what the hand-off carries (a tracking number, a case number, a note). Recorded in the board's
 * chain of custody and carried by {@link BoardMoved}.
 */
public record MoveContext(MoveReason action, String username, String device, Long scanId, String caseNumber,
                          String trackingNumber, String note) {

    /** A move made by the system itself (reservation, release, expiry), not by a scan. */
    public static MoveContext system(MoveReason action, String caseNumber, String note) {
        return new MoveContext(action, "system", null, null, caseNumber, null, note);
    }
}
