/**
 * Board, shipping and return labels (PNG, PDF, ZPL) from the templates in labels/; a return label reads its case,
 * the customer site it comes from and the repair center whose certified technicians will take it.
 * <p>
 * Its allowed dependencies are declared, so a new arrow between features is a deliberate change, checked by
 * {@code ModuleStructureTest} (see docs/architecture.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"board", "common", "customer", "location", "part", "rma", "training", "user"})
package io.spareflow.label;
