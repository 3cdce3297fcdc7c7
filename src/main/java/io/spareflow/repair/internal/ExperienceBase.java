package io.spareflow.repair.internal;

import io.spareflow.part.PartNumber;
import io.spareflow.repair.RepairOutcome;
import io.spareflow.repair.RepairSuggestion;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The maintenance-experience base: among the recent repairs of a part, those whose symptom shares a word with the
 * given one (all of them when no symptom is given), grouped by finding and actions, most frequent first.
 */
@Component
public class ExperienceBase {

    /** Enough history to be representative, bounded so that a popular part stays cheap. */
    private static final int HISTORY = 500;
    private static final Set<String> NOISE = Set.of("the", "and", "not", "with", "after", "from", "for", "has", "was", "are", "board");

    private final RepairOrderRepository orders;

    ExperienceBase(RepairOrderRepository orders) {
        this.orders = orders;
    }

    public List<RepairSuggestion> suggestions(String partNumber, String symptom, int limit) {
        if (partNumber == null || partNumber.isBlank()) {
            return List.of();
        }
        Set<String> words = words(symptom);
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (PastRepair repair : orders.findPastRepairs(PartNumber.parse(partNumber).value(), PageRequest.of(0, HISTORY))) {
            if (!words.isEmpty() && words(repair.symptom()).stream().noneMatch(words::contains)) {
                continue;
            }
            String actions = repair.outcome() == RepairOutcome.NFF && repair.actions() == null ? "no fault found" : repair.actions();
            String key = normalize(repair.finding()) + "\u0000" + normalize(actions);
            tallies.computeIfAbsent(key, k -> new Tally(repair.finding(), actions, repair.completedAt())).count++;
        }
        return tallies.values().stream()
                .sorted(Comparator.comparingLong((Tally t) -> t.count).reversed().thenComparing(t -> t.lastSeen, Comparator.reverseOrder()))
                .limit(Math.max(1, limit))
                .map(t -> new RepairSuggestion(t.finding, t.actions, t.count, t.lastSeen))
                .toList();
    }

    static Set<String> words(String text) {
        if (text == null) {
            return Set.of();
        }
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() >= 3 && !NOISE.contains(w))
                .collect(Collectors.toSet());
    }

    private static String normalize(String text) {
        return text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static final class Tally {
        final String finding;
        final String actions;
        final Instant lastSeen;
        long count;

        Tally(String finding, String actions, Instant lastSeen) {
            this.finding = finding;
            this.actions = actions;
            this.lastSeen = lastSeen;
        }
    }
}
