package io.spareflow.kpi.internal;

/** The legs of a case's chain of custody that KPIs time. */
enum LegType {
    /** Spare board: reserved at the depot until shipped (pick, pack, hand-over). */
    DEPOT_HANDLING,
    /** Any board of the case on the road: shipped until the next hand-off (delivered or received). */
    TRANSIT,
    /** Faulty board: case reported until it is received back at a repair center. */
    CUSTOMER_RETURN,
    /** Faulty board: received at the repair center until repaired, found without fault or scrapped. */
    REPAIR
}
