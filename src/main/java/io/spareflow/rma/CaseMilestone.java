package io.spareflow.rma;

/** The moments of a case the customer hears about (each one an e-mail with the tracking link). */
public enum CaseMilestone {
    ACKNOWLEDGED,
    ACCEPTED,
    SPARE_DISPATCHED,
    DELIVERED,
    /** Repair and return (no advance exchange): the customer is asked to send the defective board in. */
    RETURN_REQUESTED,
    RETURN_REMINDER,
    RETURN_OVERDUE,
    RETURN_CHARGE_WARNING,
    DEFECTIVE_RECEIVED,
    REPAIRED_OR_REPLACED,
    CLOSED,
    /** The case was cancelled: the customer is told why. */
    CANCELLED
}
