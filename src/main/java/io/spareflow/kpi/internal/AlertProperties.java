package io.spareflow.kpi.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Early warning on case arrivals ({@code spareflow.kpi.alerts.*}): the aggregation interval (aligned to UTC
 * midnight when it divides a day), how many complete intervals make the rolling baseline, the floor of the baseline
 * mean, and how often the current interval is checked.
 */
@ConfigurationProperties("spareflow.kpi.alerts")
record AlertProperties(@DefaultValue("true") boolean enabled, @DefaultValue("P1D") Duration interval,
                       @DefaultValue("28") int baselineIntervals, @DefaultValue("1.0") double minimumMean,
                       @DefaultValue("PT15M") Duration checkEvery) {

    ArrivalControl.Settings settings() {
        return new ArrivalControl.Settings(baselineIntervals, minimumMean);
    }
}
