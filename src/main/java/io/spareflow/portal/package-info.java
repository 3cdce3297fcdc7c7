/**
 * The customer portal ({@code /portal}): a customer contact signs in with a one-time link mailed to them (no
 * passwords), sees their customer's cases, sites and installed boards, and reports faults online (channel WEB).
 * Customers have their own security filter chain and authority; staff and customers never share a session scope.
 * Nothing here is used by other features.
 * <p>
 * Its allowed dependencies are declared, so a new arrow between features is a deliberate change, checked by
 * {@code ModuleStructureTest} (see docs/architecture.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"board", "common", "customer", "notify", "part", "rma", "scan"})
package io.spareflow.portal;
