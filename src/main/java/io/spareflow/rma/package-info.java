/**
 * RMA cases: first owner, SLA clocks, breaches, timeline, and the adapter of the rma-case and spare-dispatch processes.
 * <p>
 * Its allowed dependencies are declared, so a new arrow between features is a deliberate change, checked by
 * {@code ModuleStructureTest} (see docs/architecture.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "board", "calendar", "common", "customer", "location", "part", "repair", "sourcing", "tier", "training", "user", "worklist"})
package io.spareflow.rma;
