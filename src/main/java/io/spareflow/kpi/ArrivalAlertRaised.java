package io.spareflow.kpi;

import java.time.Instant;

/**
 * Case arrivals of one series exceeded their control limit: {@code observed} cases in the aggregation interval that
 * began at {@code since}, against a baseline mean of {@code baseline} per interval and an upper limit of
 * {@code upperLimit}. Published once per alert, in the transaction that opens it.
 */
public record ArrivalAlertRaised(long alertId, AlertDimension dimension, String series, int observed, double baseline,
                                 int upperLimit, Instant since) {
}
