/**
 * The mail outbox, milestone and escalation mail, inbound mail, the tracking page and the survey.
 * <p>
 * Its allowed dependencies are declared, so a new arrow between features is a deliberate change, checked by
 * {@code ModuleStructureTest} (see docs/architecture.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"board", "common", "customer", "kpi", "label", "location", "platform", "rma", "training", "user"})
package io.spareflow.notify;
