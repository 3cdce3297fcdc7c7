/**
 * Operators, their sites, contacts and service contracts.
 * <p>
 * Its allowed dependencies are declared, so a new arrow between features is a deliberate change, checked by
 * {@code ModuleStructureTest} (see docs/architecture.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "common", "tier"})
package io.spareflow.customer;
