package io.spareflow.rma;

/** What a line of a case's timeline records. Stored by name in {@code case_timeline.kind}. */
public enum TimelineKind {
    REPORTED,
    FIRST_OWNER,
    ACCEPTED,
    DIAGNOSED,
    SITE_VISITED,
    BACKORDER,
    SPARE_RESERVED,
    SPARE_SWAPPED,
    /** The reserved spare was lost (released, expired, moved away) and the case was sourced again. */
    SPARE_RESOURCED,
    SPARE_PICKED,
    SPARE_PACKED,
    SPARE_SHIPPED,
    SPARE_DELIVERED,
    RETURN_EXPECTED,
    DEFECTIVE_RECEIVED,
    WRONG_BOARD_RETURNED,
    REPAIR_FINISHED,
    /** Repair and return: the board is beyond repair, a replacement spare is sent to the site instead. */
    REPLACEMENT_NEEDED,
    /** The replacement of a board beyond repair is on site. */
    BOARD_REPLACED,
    CLOSED,
    /** Cancelled by the first owner or a supervisor, with the reason. */
    CANCELLED,
    /** The spare that was on its way to a cancelled case is back in stock at its depot. */
    SPARE_RETURNED,
    TRANSFERRED,
    BREACH,
    ESCALATED,
    /** The stall audit found a waiting step that can no longer complete. */
    STALLED,
    RETURN_REMINDER,
    RETURN_OVERDUE,
    CHARGE_FLAGGED,
    /** A faulty board was named: a new line of the case. */
    LINE_NAMED,
    /** One line was given up while the others go on. */
    LINE_CANCELLED,
    /** A line's delivered spare was dead on arrival: a new line replaces it and sends it back. */
    DEAD_ON_ARRIVAL,
    /** A due time was counted through a year without a loaded working calendar: weekly hours only, no holidays. */
    CALENDAR_NOT_LOADED,
    /** The first owner holds no valid L1 certification for the case's product lines: a certified colleague is asked. */
    CONSULT_REQUESTED,
    /** The colleague asked gave their advice on the remote diagnosis. */
    CONSULT_ANSWERED
}
