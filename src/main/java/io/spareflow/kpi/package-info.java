/**
 * The measurement system (read side): KPIs, TL 9000 field returns, early-warning alerts on case arrivals, the
 * monitoring center's live data, the KPI page and operator metrics. Reads other features' tables through views of
 * its own (see docs/kpis.md); publishes {@link io.spareflow.kpi.ArrivalAlertRaised}, which notify mails.
 * <p>
 * Its allowed dependencies are declared, so a new arrow between features is a deliberate change, checked by
 * {@code ModuleStructureTest} (see docs/architecture.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "customer", "location", "part", "rma", "tier"})
package io.spareflow.kpi;
