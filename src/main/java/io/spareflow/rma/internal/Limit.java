package io.spareflow.rma.internal;

import java.time.Instant;

/**
 * A step's limit as the process needs it: when it is missed ({@code due}: breach recorded, owner reminded) and when
 * the supervisor steps in ({@code escalateAt}: missed by the length of the limit once more).
 */
public record Limit(Instant due, Instant escalateAt) {
}
