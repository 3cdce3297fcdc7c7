/**
 * Staff users, roles and scopes, security configuration.
 * <p>
 * Its allowed dependencies are declared, so a new arrow between features is a deliberate change, checked by
 * {@code ModuleStructureTest} (see docs/architecture.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "common", "location"})
package io.spareflow.user;
