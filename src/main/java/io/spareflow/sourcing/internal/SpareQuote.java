package io.spareflow.sourcing.internal;

import io.spareflow.tier.TierCalendar;
import java.time.Instant;
import java.util.List;

/**
 * The answer to "where would a spare come from": the compatible parts looked for, the tier's limit, the ranked
 * candidates (the first {@code candidatesShown} of {@code candidatesTotal}), the choice and why.
 */
public record SpareQuote(String partNumber, List<String> compatibleParts, Destination destination, String tier,
                         TierCalendar calendar, Integer limitMinutes, Instant quotedAt, Outcome outcome,
                         Candidate choice, String reason, int candidatesTotal, List<Candidate> candidates) {

    public enum Outcome {
        /** The nearest depot that can be on site within the limit (or any depot when the tier has no limit). */
        WITHIN_LIMIT,
        /** No depot can make the limit: the fastest one, and the breach is predicted. */
        PREDICTED_BREACH,
        /** No compatible AVAILABLE board anywhere. */
        BACKORDER
    }
}
