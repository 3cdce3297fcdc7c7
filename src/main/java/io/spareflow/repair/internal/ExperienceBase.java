package io.spareflow.repair.internal;

import io.spareflow.part.PartNumber;
import io.spareflow.repair.RepairOutcome;
import io.spareflow.repair.RepairSuggestion;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The maintenance-experience base: the past repairs of a part whose symptom or finding is similar to the given
 * symptom, Chinese or English (found by {@link ExperienceIndex}; all recent repairs of the part when no symptom is
 * given), grouped by finding and actions, most frequent first.
 */
@Component
public class ExperienceBase {

    /** Enough history to be representative, bounded so that a popular part stays cheap. */
    private static final int HISTORY = 500;

    private final RepairOrderRepository orders;
    private final ExperienceIndex index;

    ExperienceBase(RepairOrderRepository orders, ExperienceIndex index) {
        this.orders = orders;
        this.index = index;
    }

    public List<RepairSuggestion> suggestions(String partNumber, String symptom, int limit) {
        if (partNumber == null || partNumber.isBlank()) {
            return List.of();
        }
        String part = PartNumber.parse(partNumber).value();
        List<PastRepair> similar = symptom == null || symptom.isBlank()
                ? orders.findPastRepairs(part, PageRequest.of(0, HISTORY))
                : orders.findPastRepairsByIds(index.similar(part, symptom, HISTORY));
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (PastRepair repair : similar) {
            String actions = repair.outcome() == RepairOutcome.NFF && repair.actions() == null ? "no fault found" : repair.actions();
            String key = normalize(repair.finding()) + "\u0000" + normalize(actions);
            tallies.computeIfAbsent(key, k -> new Tally(repair.finding(), actions)).add(repair.completedAt());
        }
        return tallies.values().stream()
                .sorted(Comparator.comparingLong((Tally t) -> t.count).reversed().thenComparing(t -> t.lastSeen, Comparator.reverseOrder()))
                .limit(Math.max(1, limit))
                .map(t -> new RepairSuggestion(t.finding, t.actions, t.count, t.lastSeen))
                .toList();
    }

    private static String normalize(String text) {
        return text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static final class Tally {
        final String finding;
        final String actions;
        Instant lastSeen = Instant.MIN;
        long count;

        Tally(String finding, String actions) {
            this.finding = finding;
            this.actions = actions;
        }

        void add(Instant completedAt) {
            count++;
            lastSeen = completedAt.isAfter(lastSeen) ? completedAt : lastSeen;
        }
    }
}
