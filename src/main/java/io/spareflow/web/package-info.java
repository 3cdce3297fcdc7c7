/**
 * The pages people work in: a UI composition over the other features' public APIs.
 * <p>
 * Its allowed dependencies are declared, so a new arrow between features is a deliberate change, checked by
 * {@code ModuleStructureTest} (see docs/architecture.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "board", "common", "customer", "label", "location", "notify", "part", "repair", "rma", "scan", "sourcing", "tier", "training", "user", "worklist"})
package io.spareflow.web;
