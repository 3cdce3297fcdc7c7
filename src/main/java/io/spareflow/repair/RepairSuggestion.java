package io.spareflow.repair;

import java.time.Instant;

/** A known fix from the maintenance-experience base: what past repairs of the part found and did, how often. */
public record RepairSuggestion(String finding, String actions, long occurrences, Instant lastSeen) {
}
