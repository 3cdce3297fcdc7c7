package io.spareflow.training;

/** What a certification qualifies its holder for. */
public enum CertificationLevel {
    /** Remote support: diagnosing a product line's faults with the customer, by phone or remote login. */
    L1,
    /** Board repair: diagnosing and repairing a product line's boards at a repair center. */
    L2
}
