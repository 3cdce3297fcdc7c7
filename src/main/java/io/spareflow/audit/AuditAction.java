package io.spareflow.audit;

/** What happened to the audited record. */
public enum AuditAction {
    CREATE,
    UPDATE,
    DELETE,
    /** A CSV import: one entry for the whole file, its line report as the "after" value. */
    IMPORT
}
