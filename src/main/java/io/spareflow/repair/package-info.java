/**
 * Repair orders, the maintenance-experience base and the board-repair process's adapter.
 * <p>
 * Its allowed dependencies are declared, so a new arrow between features is a deliberate change, checked by
 * {@code ModuleStructureTest} (see docs/architecture.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "board", "common", "location", "part", "worklist"})
package io.spareflow.repair;
