package io.spareflow.repair;

import java.time.Instant;

/**
 * A repair completed before Spareflow (taken over from the previous system, or demo history): it feeds the
 * maintenance-experience base; {@code reference} is the old system's job number, not a case of ours.
 */
public record HistoricRepair(String reference, String serial, String partNumber, String symptom, String finding,
                             String actions, RepairOutcome outcome, Instant completedAt) {
}
