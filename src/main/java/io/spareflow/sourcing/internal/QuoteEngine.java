package io.spareflow.sourcing.internal;

import io.spareflow.board.Stock;
import io.spareflow.part.Parts;
import io.spareflow.sourcing.internal.SpareQuote.Outcome;
import io.spareflow.tier.ServiceTier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Ranks the depots that hold compatible AVAILABLE stock for a destination: those that can be on site within the tier's
 * limit first, nearest first; then the others, fastest first. The first one is the choice.
 */
@Component
class QuoteEngine {

    private static final Comparator<Candidate> RANKING = Comparator.comparing((Candidate c) -> !c.meetsLimit())
            .thenComparingDouble(c -> c.meetsLimit() ? c.distanceKm() : c.etaMinutes())
            .thenComparingDouble(c -> c.meetsLimit() ? c.etaMinutes() : c.distanceKm())
            .thenComparing(Candidate::depotCode);

    private final Parts parts;
    private final DepotDirectory depots;
    private final Stock stock;
    private final EtaModel eta;

    QuoteEngine(Parts parts, DepotDirectory depots, Stock stock, EtaModel eta) {
        this.parts = parts;
        this.depots = depots;
        this.stock = stock;
        this.eta = eta;
    }

    /** All ranked candidates (not only the shown ones): a reservation walks down them when a depot runs dry. */
    record Ranking(String partNumber, List<String> compatibleParts, Destination destination, ServiceTier tier,
                   Instant at, List<Candidate> candidates) {

        Integer limitMinutes() {
            return tier.spareOnSiteMinutes();
        }

        Outcome outcomeWith(Candidate chosen) {
            return chosen == null ? Outcome.BACKORDER : chosen.meetsLimit() ? Outcome.WITHIN_LIMIT : Outcome.PREDICTED_BREACH;
        }

        /** Why {@code chosen} (null: backorder), after the depots in {@code ranDry} turned out to have no board left. */
        String reasonFor(Candidate chosen, List<String> ranDry) {
            String prefix = ranDry.isEmpty() ? "" : "No board was left to reserve at " + String.join(", ", ranDry)
                    + " (taken by concurrent requests); ";
            String limit = "the " + tier.name() + " limit of " + limitMinutes() + " min";
            if (chosen == null) {
                return prefix + "no depot holds an AVAILABLE board of " + partNumber
                        + (compatibleParts.size() > 1 ? " or of a part that supersedes it ("
                        + String.join(", ", compatibleParts.subList(1, compatibleParts.size())) + ")" : "")
                        + ": backorder, served when stock appears";
            }
            if (limitMinutes() == null) {
                return prefix + chosen.depotCode() + " is the nearest depot with a compatible board; tier " + tier.name()
                        + " has no spare-on-site limit (repair and return): " + chosen.describe();
            }
            if (chosen.meetsLimit()) {
                return prefix + chosen.depotCode() + " is the nearest depot with a compatible board that can be on site"
                        + " within " + limit + ": " + chosen.describe();
            }
            return prefix + "no depot with a compatible board can be on site within " + limit + "; " + chosen.depotCode()
                    + " is the fastest: " + chosen.describe() + ", a predicted breach of "
                    + (chosen.etaMinutes() - limitMinutes()) + " min";
        }

        SpareQuote toQuote(int shown) {
            Candidate chosen = candidates.isEmpty() ? null : candidates.get(0);
            return new SpareQuote(partNumber, compatibleParts, destination, tier.name(), tier.calendar(), limitMinutes(),
                    at, outcomeWith(chosen), chosen, reasonFor(chosen, List.of()), candidates.size(),
                    candidates.subList(0, Math.min(shown, candidates.size())));
        }
    }

    Ranking rank(String partNumber, Destination destination, ServiceTier tier, Instant now) {
        List<String> compatible = parts.replacementsFor(partNumber);
        Map<String, Map<String, Long>> stockByDepot = new LinkedHashMap<>();
        stock.availableByLocation(compatible).forEach(level -> stockByDepot
                .computeIfAbsent(level.locationCode(), code -> new LinkedHashMap<>())
                .put(level.partNumber(), level.available()));
        List<Candidate> candidates = new ArrayList<>();
        stockByDepot.forEach((code, byPart) -> depots.find(code).ifPresent(depot ->
                candidates.add(candidate(depot, byPart, compatible, destination, tier, now))));
        return new Ranking(compatible.get(0), compatible, destination, tier, now, ranked(candidates));
    }

    /** Candidates in the order of the rule, numbered from 1: within the limit nearest first, then fastest first. */
    static List<Candidate> ranked(List<Candidate> candidates) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(RANKING);
        List<Candidate> ranked = new ArrayList<>(sorted.size());
        for (Candidate c : sorted) {
            ranked.add(c.ranked(ranked.size() + 1));
        }
        return List.copyOf(ranked);
    }

    private Candidate candidate(DepotDirectory.Depot depot, Map<String, Long> byPart, List<String> compatible,
                                Destination destination, ServiceTier tier, Instant now) {
        EtaModel.Route route = eta.route(depot.info(), destination.point(), destination.roads());
        Map<String, Long> ordered = new LinkedHashMap<>();
        compatible.stream().filter(byPart::containsKey).forEach(p -> ordered.put(p, byPart.get(p)));
        long total = ordered.values().stream().mapToLong(Long::longValue).sum();
        boolean meets = tier.spareOnSiteMinutes() == null || route.minutes() <= tier.spareOnSiteMinutes();
        return new Candidate(0, depot.code(), depot.info().name(), depot.info().city(), depot.info().country(),
                Math.round(route.distanceKm() * 10) / 10.0, route.transport(), route.minutes(),
                EtaModel.after(now, route.minutes(), tier.calendar(), depot), total, ordered, meets);
    }
}
