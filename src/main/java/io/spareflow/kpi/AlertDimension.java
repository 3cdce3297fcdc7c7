package io.spareflow.kpi;

/** What a watched arrival series groups cases by. */
public enum AlertDimension {
    /** The product line of the faulty board's part. */
    PRODUCT_LINE,
    /** The case's responsible location (the depot nearest to the site). */
    REGION,
    /** The reporting operator. */
    CUSTOMER
}
