package io.spareflow.repair.internal;

import io.spareflow.repair.RepairOutcome;
import java.time.Instant;

/** One completed repair as the experience base reads it. */
public record PastRepair(long id, String partNumber, String symptom, String finding, String actions,
                         RepairOutcome outcome, Instant completedAt) {
}
