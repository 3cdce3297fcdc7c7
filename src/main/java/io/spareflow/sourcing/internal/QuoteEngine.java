package io.spareflow.sourcing.internal;

import io.spareflow.board.Stock;
import io.spareflow.common.Message;
import io.spareflow.common.Texts;
import io.spareflow.part.Parts;
import io.spareflow.sourcing.internal.SpareQuote.Outcome;
import io.spareflow.tier.ServiceTier;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;

/**
 * Ranks the depots that hold compatible AVAILABLE stock for a destination: those that can be on site within the tier's
 * limit first, nearest first; then the others, fastest first. The first one is the choice.
 */
@Component
class QuoteEngine {

    private static final Comparator<Candidate> RANKING = rule(Candidate::meetsLimit, Candidate::distanceKm,
            Candidate::etaMinutes, Candidate::depotCode);

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
        Message reasonFor(Candidate chosen, List<String> ranDry) {
            Message why = reasonFor(chosen);
            return ranDry.isEmpty() ? why : Message.of("sourcing.reason.ranDry", String.join(", ", ranDry), why);
        }

        private Message reasonFor(Candidate chosen) {
            if (chosen == null) {
                return compatibleParts.size() > 1
                        ? Message.of("sourcing.reason.backorder-superseded", partNumber,
                                String.join(", ", compatibleParts.subList(1, compatibleParts.size())))
                        : Message.of("sourcing.reason.backorder", partNumber);
            }
            if (limitMinutes() == null) {
                return Message.of("sourcing.reason.noLimit", chosen.depotCode(), tier.name(), chosen.describe());
            }
            Message limit = Message.of("sourcing.reason.limit", tier.name(), String.valueOf(limitMinutes()));
            return chosen.meetsLimit()
                    ? Message.of("sourcing.reason.withinLimit", chosen.depotCode(), limit, chosen.describe())
                    : Message.of("sourcing.reason.predictedBreach", limit, chosen.depotCode(), chosen.describe(),
                            String.valueOf(chosen.etaMinutes() - limitMinutes()));
        }

        /** The quote, its reason worded by {@code texts} (in the request's language). */
        SpareQuote toQuote(int shown, Texts texts) {
            Candidate chosen = candidates.isEmpty() ? null : candidates.get(0);
            return new SpareQuote(partNumber, compatibleParts, destination, tier.name(), tier.calendar(), limitMinutes(),
                    at, outcomeWith(chosen), chosen, texts.get(reasonFor(chosen, List.of())), candidates.size(),
                    candidates.subList(0, Math.min(shown, candidates.size())));
        }
    }

    Ranking rank(String partNumber, Destination destination, ServiceTier tier, Instant now) {
        List<String> compatible = parts.replacementsFor(partNumber);
        Map<String, Map<String, Long>> stockByDepot = new LinkedHashMap<>();
        stock.availableByLocation(compatible).forEach(level -> stockByDepot
                .computeIfAbsent(level.locationCode(), code -> new LinkedHashMap<>())
                .put(level.partNumber(), level.available()));
        List<Scored> scored = new ArrayList<>(stockByDepot.size());
        stockByDepot.forEach((code, byPart) -> depots.find(code).ifPresent(depot -> {
            EtaModel.Route route = eta.route(depot.info(), destination.point(), destination.roads());
            boolean meets = tier.spareOnSiteMinutes() == null || route.minutes() <= tier.spareOnSiteMinutes();
            scored.add(new Scored(depot, route, Math.round(route.distanceKm() * 10) / 10.0, byPart, meets));
        }));
        scored.sort(SCORED_RANKING);
        return new Ranking(compatible.get(0), compatible, destination, tier, now,
                new RankedCandidates(scored, compatible, tier, now));
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

    /** A depot with stock, scored by what the ranking needs (distance, minutes, the limit); not yet a candidate. */
    private record Scored(DepotDirectory.Depot depot, EtaModel.Route route, double distanceKm, Map<String, Long> byPart,
                          boolean meetsLimit) {
    }

    private static final Comparator<Scored> SCORED_RANKING = rule(Scored::meetsLimit, Scored::distanceKm,
            s -> s.route().minutes(), s -> s.depot().code());

    /** The rule: within the limit nearest first (then fastest), then the others fastest first (then nearest). */
    private static <T> Comparator<T> rule(Predicate<T> meetsLimit, ToDoubleFunction<T> distanceKm,
                                          ToLongFunction<T> minutes, Function<T, String> depotCode) {
        return Comparator.comparing((T c) -> !meetsLimit.test(c))
                .thenComparingDouble(c -> meetsLimit.test(c) ? distanceKm.applyAsDouble(c) : minutes.applyAsLong(c))
                .thenComparingDouble(c -> meetsLimit.test(c) ? minutes.applyAsLong(c) : distanceKm.applyAsDouble(c))
                .thenComparing(depotCode);
    }

    /**
     * The ranked depots as candidates, each made when first read: at 2,000 depots with stock a quote shows a few and
     * a reservation claims from the first ones, so the time on site in the depot's working hours (a walk through its
     * opening hours) is worked out for those only.
     */
    private final class RankedCandidates extends AbstractList<Candidate> {

        private final List<Scored> scored;
        private final Candidate[] made;
        private final List<String> compatible;
        private final ServiceTier tier;
        private final Instant now;

        RankedCandidates(List<Scored> scored, List<String> compatible, ServiceTier tier, Instant now) {
            this.scored = scored;
            this.made = new Candidate[scored.size()];
            this.compatible = compatible;
            this.tier = tier;
            this.now = now;
        }

        @Override
        public Candidate get(int index) {
            Candidate candidate = made[index];
            if (candidate == null) {
                candidate = candidate(index + 1, scored.get(index), compatible, tier, now);
                made[index] = candidate;
            }
            return candidate;
        }

        @Override
        public int size() {
            return scored.size();
        }
    }

    private static Candidate candidate(int rank, Scored scored, List<String> compatible, ServiceTier tier, Instant now) {
        DepotDirectory.Depot depot = scored.depot();
        Map<String, Long> ordered = new LinkedHashMap<>();
        compatible.stream().filter(scored.byPart()::containsKey).forEach(p -> ordered.put(p, scored.byPart().get(p)));
        long total = ordered.values().stream().mapToLong(Long::longValue).sum();
        EtaModel.Route route = scored.route();
        return new Candidate(rank, depot.code(), depot.info().name(), depot.info().city(), depot.info().country(),
                scored.distanceKm(), route.transport(), route.minutes(),
                EtaModel.after(now, route.minutes(), tier.calendar(), depot), total, ordered, scored.meetsLimit());
    }
}
