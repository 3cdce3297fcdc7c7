/**
 * ETA model, quotes, reservations, backorders and sourcing decisions behind {@code SpareSourcing}.
 * <p>
 * Its allowed dependencies are declared, so a new arrow between features is a deliberate change, checked by
 * {@code ModuleStructureTest} (see docs/architecture.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"board", "calendar", "common", "customer", "location", "part", "scan", "tier", "user"})
package io.spareflow.sourcing;
