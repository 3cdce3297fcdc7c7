package io.spareflow.rma;

/**
 * The steps of a case that have a time limit (an SLA clock) and may be escalated. The BPMN timers name them in
 * their escalation expressions ({@code caseEscalations.escalate(execution, 'ACCEPT')}); {@code ProcessConstantsTest}
 * checks that every name used there is one of these.
 */
public enum SlaStep {
    ACCEPT,
    REMOTE_DIAGNOSIS,
    SPARE_ON_SITE,
    DEFECTIVE_RETURN,
    REPAIR_TURNAROUND,
    /** Waiting for a spare to come into stock: no clock of its own, but escalated when it lasts. */
    BACKORDER,
    /** A waiting step that can no longer complete (found by the stall audit): no clock, escalated once. */
    STALL
}
