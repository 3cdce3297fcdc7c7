package io.spareflow.kpi.internal;

/** The SLA steps whose clocks KPIs count, in the order of a case's lifecycle (the step names of case_sla_clock). */
enum MeasuredStep {
    ACCEPT,
    REMOTE_DIAGNOSIS,
    SPARE_ON_SITE,
    DEFECTIVE_RETURN,
    REPAIR_TURNAROUND
}
