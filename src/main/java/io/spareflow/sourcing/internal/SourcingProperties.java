package io.spareflow.sourcing.internal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The ETA model and reservation rules, {@code spareflow.sourcing.*} (see docs/sourcing.md).
 *
 * @param roadDetourFactor    road distance per great-circle kilometre
 * @param roadSpeedKmh        average door-to-door speed of a courier van
 * @param airFreightBeyondKm  beyond this great-circle distance an air-freight option is also considered
 * @param airHandling         fixed time of an air shipment: to the airport, check-in, waiting for the flight, clearance, last mile
 * @param airSpeedKmh         block speed of the flight over the great-circle distance
 * @param reservationHold     how long a reserved board waits to be picked, in the tier's calendar at the depot
 * @param expiryCheckInterval how often overdue reservations are looked for
 * @param candidatesShown     how many ranked candidates a quote shows and a decision records (all are considered)
 */
@Validated
@ConfigurationProperties("spareflow.sourcing")
public record SourcingProperties(
        @DefaultValue("1.3") @DecimalMin("1.0") double roadDetourFactor,
        @DefaultValue("60") @Positive double roadSpeedKmh,
        @DefaultValue("600") @PositiveOrZero double airFreightBeyondKm,
        @DefaultValue("PT8H") Duration airHandling,
        @DefaultValue("650") @Positive double airSpeedKmh,
        @DefaultValue("PT4H") Duration reservationHold,
        @DefaultValue("PT1M") Duration expiryCheckInterval,
        @DefaultValue("10") @Min(1) int candidatesShown) {
}
