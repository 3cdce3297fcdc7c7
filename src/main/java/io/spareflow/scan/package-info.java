/**
 * Scan parsing, {@code POST /api/scans}, idempotency and refused scans.
 * <p>
 * Its allowed dependencies are declared, so a new arrow between features is a deliberate change, checked by
 * {@code ModuleStructureTest} (see docs/architecture.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"board", "common", "customer", "location", "part", "user"})
package io.spareflow.scan;
