package io.spareflow.audit;

/** The kinds of record whose changes are audited. */
public enum AuditedEntity {
    USER,
    PASSWORD_RESET,
    CERTIFICATION,
    SERVICE_TIER,
    CUSTOMER,
    SITE,
    CONTACT,
    CONTRACT,
    STOCK_TARGET,
    LOCATION,
    BOARD,
    CALENDAR,
    /** The running instances of a process version, moved to another version (process instance migration). */
    PROCESS_INSTANCES
}
