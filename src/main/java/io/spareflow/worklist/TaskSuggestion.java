package io.spareflow.worklist;

import java.time.Instant;

/** A known way of doing a task, from past work on similar ones: what was found, what was done, how often, when last. */
public record TaskSuggestion(String finding, String actions, long occurrences, Instant lastSeen) {
}
