/**
 * Embedded PostgreSQL and mail server (default profile) and the Camunda webapp's single sign-on.
 * <p>
 * Its allowed dependencies are declared, so a new arrow between features is a deliberate change, checked by
 * {@code ModuleStructureTest} (see docs/architecture.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "user"})
package io.spareflow.platform;
