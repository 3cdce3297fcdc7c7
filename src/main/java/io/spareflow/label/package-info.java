/**
 * Board and shipping labels (PNG, PDF, ZPL) from the templates in labels/.
 * <p>
 * Its allowed dependencies are declared, so a new arrow between features is a deliberate change, checked by
 * {@code ModuleStructureTest} (see docs/architecture.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"board", "common", "location", "part"})
package io.spareflow.label;
