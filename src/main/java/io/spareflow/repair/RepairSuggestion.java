package io.spareflow.repair;

import io.spareflow.worklist.TaskSuggestion;
import java.time.Instant;

/** A known fix from the maintenance-experience base: what past repairs of the part found and did, how often. */
public record RepairSuggestion(String finding, String actions, long occurrences, Instant lastSeen) {

    /** The fix as a task shows it: the same for a board's diagnosis at the bench and a remote diagnosis at the hotline. */
    public TaskSuggestion asTaskSuggestion() {
        return new TaskSuggestion(finding, actions, occurrences, lastSeen);
    }
}
