package io.spareflow.user;

public enum Role {
    /** Master data, users, Camunda Cockpit and REST API. */
    ADMIN,
    /** Monitoring center: sees every case, breaches and escalations; may transfer first ownership. */
    SUPERVISOR,
    /** Hotline agent of an office: takes fault reports and becomes their first owner by accepting them. */
    AGENT,
    /** Depot staff: receive, put away, pick, pack and ship boards at their own depot only. */
    DEPOT,
    /** Repair technician: intake, diagnosis, repair and test at their own repair center, for certified product lines. */
    TECHNICIAN,
    /** Quality manager: reads every KPI, the monitoring center and the alerts; changes nothing. */
    QUALITY;

    /** Roles that speak with customers, and so see their contacts, mails and tracking links. */
    public boolean speaksWithCustomers() {
        return this == ADMIN || this == SUPERVISOR || this == AGENT;
    }

    /** Roles whose work is bound to one location. */
    public boolean isBoundToLocation() {
        return this == AGENT || this == DEPOT || this == TECHNICIAN;
    }
}
