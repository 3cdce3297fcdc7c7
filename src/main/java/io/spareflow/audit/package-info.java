/**
 * The audit trail of master data and users: {@link io.spareflow.audit.Audit#record} in the transaction of a change,
 * the append-only {@code audit_entry} table, {@code GET /api/audit}. Depends on no other feature, so every feature may
 * record its changes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package io.spareflow.audit;
