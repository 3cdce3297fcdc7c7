package io.spareflow.sourcing.internal;

import io.spareflow.board.Stock;
import io.spareflow.common.Message;
import io.spareflow.common.Texts;
import io.spareflow.sourcing.internal.SpareQuote.Outcome;
import io.spareflow.tier.ServiceTier;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;

/**
 * Ranks the depots that hold compatible AVAILABLE stock for a destination: those that can be on site within the tier's
 * limit first, nearest first; then the others, fastest first. The first one is the choice. Only the depots nearest
 * the destination are scored (see {@link #nearestRanked}): at 2,000 depots with stock, scoring and sorting them all
 * was most of a quote's time, and the first few of the ranking can be proven from the nearest ones.
 */
@Component
class QuoteEngine {

    private static final Comparator<Candidate> RANKING = rule(Candidate::meetsLimit, Candidate::distanceKm,
            Candidate::etaMinutes, Candidate::depotCode);

    private final DepotDirectory depots;
    private final Stock stock;
    private final EtaModel eta;
    private final SourcingProperties properties;

    QuoteEngine(DepotDirectory depots, Stock stock, EtaModel eta, SourcingProperties properties) {
        this.depots = depots;
        this.stock = stock;
        this.eta = eta;
        this.properties = properties;
    }

    /** All ranked candidates (not only the shown ones): a reservation walks down them when a depot runs dry. */
    record Ranking(String partNumber, List<String> compatibleParts, Destination destination, ServiceTier tier,
                   Instant at, List<Candidate> candidates, DepotDirectory.Snapshot depots) {

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

    Ranking rank(MasterData.Kept master, String partNumber, Destination destination, ServiceTier tier, Instant now) {
        List<String> compatible = master.replacementsFor(partNumber);
        DepotDirectory.Snapshot directory = depots.as(master);
        DepotStock stockAt = stockAt(directory, compatible);
        List<Scored> first = nearestRanked(directory, stockAt, destination, tier, properties.candidatesShown());
        return new Ranking(compatible.get(0), compatible, destination, tier, now, new RankedCandidates(first,
                stockAt.depots(), () -> everyDepotRanked(directory, stockAt, destination, tier), compatible, tier, now),
                directory);
    }

    /**
     * The AVAILABLE boards of the compatible parts at each depot of a directory, per part, by the depot's index there
     * (null: none); {@code depots} is how many depots have some. Stock at a location that is no depot is left out.
     */
    record DepotStock(Map<String, Long>[] atDepot, int depots) {

        @SuppressWarnings("unchecked")
        static DepotStock of(DepotDirectory.Snapshot directory, List<Stock.Level> levels) {
            Map<String, Long>[] atDepot = new Map[directory.size()];
            int depots = 0;
            for (Stock.Level level : levels) {
                int index = directory.indexOf(level.locationCode());
                if (index < 0) {
                    continue;
                }
                if (atDepot[index] == null) {
                    atDepot[index] = new HashMap<>(4);
                    depots++;
                }
                atDepot[index].put(level.partNumber(), level.available());
            }
            return new DepotStock(atDepot, depots);
        }
    }

    /** The AVAILABLE boards of the compatible parts at the directory's depots: one summary row per depot and part. */
    DepotStock stockAt(DepotDirectory.Snapshot directory, List<String> compatible) {
        return DepotStock.of(directory, stock.availableByLocation(compatible));
    }

    /**
     * The first {@code wanted} of {@link #everyDepotRanked}, found by walking out from the destination through the
     * depots with stock, nearest first, and stopping as soon as no farther depot can rank before the last of them:
     * if that one is within the limit, a farther depot is not nearer; if it is beyond the limit, a farther depot is
     * not faster once even the fastest route from that far out ({@link EtaModel#fastestFrom}, with the shortest
     * handling of any depot) takes longer than it does.
     */
    List<Scored> nearestRanked(DepotDirectory.Snapshot directory, DepotStock stockAt, Destination destination,
                               ServiceTier tier, int wanted) {
        DepotDirectory.NearestFirst nearest = directory.nearestFirst(destination.point());
        List<Scored> best = new ArrayList<>(wanted + 1);
        for (int i = 0; i < nearest.size(); i++) {
            Map<String, Long> byPart = stockAt.atDepot()[nearest.index(i)];
            if (byPart == null) {
                continue;
            }
            if (best.size() == wanted && noFartherDepotOutranks(best.get(wanted - 1), nearest.km(i), directory, destination)) {
                break;
            }
            Scored scored = score(nearest.depot(i), byPart, destination, tier);
            int at = Collections.binarySearch(best, scored, SCORED_RANKING);
            best.add(at < 0 ? -at - 1 : at, scored);
            if (best.size() > wanted) {
                best.remove(wanted);
            }
        }
        return best;
    }

    /** Every depot with stock, scored and sorted by the rule. */
    List<Scored> everyDepotRanked(DepotDirectory.Snapshot directory, DepotStock stockAt, Destination destination,
                                  ServiceTier tier) {
        List<Scored> scored = new ArrayList<>(stockAt.depots());
        for (int index = 0; index < directory.size(); index++) {
            if (stockAt.atDepot()[index] != null) {
                scored.add(score(directory.depot(index), stockAt.atDepot()[index], destination, tier));
            }
        }
        scored.sort(SCORED_RANKING);
        return scored;
    }

    private boolean noFartherDepotOutranks(Scored last, double km, DepotDirectory.Snapshot directory, Destination destination) {
        return last.meetsLimit() ? roundedKm(km) > last.distanceKm()
                : eta.fastestFrom(km, directory.fewestHandlingMinutes(), destination.roads()) > last.route().minutes();
    }

    private Scored score(DepotDirectory.Depot depot, Map<String, Long> byPart, Destination destination, ServiceTier tier) {
        EtaModel.Route route = eta.route(depot.info(), destination.point(), destination.roads());
        boolean meets = tier.spareOnSiteMinutes() == null || route.minutes() <= tier.spareOnSiteMinutes();
        return new Scored(depot, route, roundedKm(route.distanceKm()), byPart, meets);
    }

    /** The distance as ranked and shown: to 100 m. */
    private static double roundedKm(double km) {
        return Math.round(km * 10) / 10.0;
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
    record Scored(DepotDirectory.Depot depot, EtaModel.Route route, double distanceKm, Map<String, Long> byPart,
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
     * opening hours) is worked out for those only. The first ones come from {@link #nearestRanked}; every depot is
     * ranked only when a reservation walks past them (their boards taken by concurrent requests).
     */
    private final class RankedCandidates extends AbstractList<Candidate> {

        private final List<Scored> first;
        private final int total;
        private final Supplier<List<Scored>> everyDepot;
        private final Candidate[] made;
        private final List<String> compatible;
        private final ServiceTier tier;
        private final Instant now;
        private List<Scored> ranked;

        RankedCandidates(List<Scored> first, int total, Supplier<List<Scored>> everyDepot, List<String> compatible,
                         ServiceTier tier, Instant now) {
            this.first = first;
            this.total = total;
            this.everyDepot = everyDepot;
            this.made = new Candidate[total];
            this.compatible = compatible;
            this.tier = tier;
            this.now = now;
        }

        @Override
        public Candidate get(int index) {
            Objects.checkIndex(index, total);
            Candidate candidate = made[index];
            if (candidate == null) {
                candidate = candidate(index + 1, scored(index), compatible, tier, now);
                made[index] = candidate;
            }
            return candidate;
        }

        private Scored scored(int index) {
            if (index < first.size()) {
                return first.get(index);
            }
            if (ranked == null) {
                ranked = everyDepot.get();
            }
            return ranked.get(index);
        }

        @Override
        public int size() {
            return total;
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
