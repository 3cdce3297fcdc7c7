package io.spareflow.rma;

/** How far a missed limit has gone: the first owner is reminded, or the supervisor steps in. */
public enum EscalationLevel {
    REMINDER,
    ESCALATION
}
