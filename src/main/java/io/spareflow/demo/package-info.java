/**
 * Demo data for the default profile and the large data-set generator.
 * <p>
 * Its allowed dependencies are declared, so a new arrow between features is a deliberate change, checked by
 * {@code ModuleStructureTest} (see docs/architecture.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"board", "calendar", "common", "customer", "location", "part", "repair", "rma", "tier", "training", "user"})
package io.spareflow.demo;
