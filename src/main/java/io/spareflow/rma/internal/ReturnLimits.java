package io.spareflow.rma.internal;

import java.time.Instant;

/** The defective return's dates: reminder before the due day, the due day, and the charge limit. */
public record ReturnLimits(Instant reminderAt, Instant due, Instant chargeAt) {
}
