package io.spareflow.location;

public enum LocationType {
    /** Headquarters, home of the monitoring center. */
    HQ,
    /** A domestic office with its spare-parts depot; coded by its city's IATA code. */
    OFFICE_DEPOT,
    /** A spare-parts center abroad; coded by its city's IATA code. */
    OVERSEAS_DEPOT,
    /** Where defective boards are diagnosed and repaired. */
    REPAIR_CENTER
}
