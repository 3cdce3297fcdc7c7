package io.spareflow.sourcing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.board.Stock;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.LocationType;
import io.spareflow.tier.ServiceTier;
import io.spareflow.tier.TierCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The distance pre-filter on random networks: the first depots it ranks are exactly the first of the ranking of every
 * depot with stock, whatever the depots' places and handling times, the site's roads, the tier's limit (or none) and
 * how many are wanted — including depots around the air-freight distance, where the fastest is not the nearest.
 */
class NearestRankingPropertiesTest {

    private static final SourcingProperties PROPERTIES = new SourcingProperties(1.3, 60, 600, Duration.ofHours(8), 650,
            Duration.ofHours(4), Duration.ofMinutes(1), 10);

    private final EtaModel eta = new EtaModel(PROPERTIES, null);
    private final QuoteEngine engine = new QuoteEngine(null, null, eta, PROPERTIES);

    @Property(tries = 300)
    void theNearestDepotsRankedAreTheFirstOfEveryDepotRanked(@ForAll @LongRange(max = Long.MAX_VALUE) long seed,
                                                             @ForAll @IntRange(min = 1, max = 12) int wanted) {
        Random random = new Random(seed);
        double spreadDegrees = List.of(0.5, 3.0, 10.0, 40.0).get(random.nextInt(4));
        Map<String, DepotDirectory.Depot> byCode = new HashMap<>();
        int depotCount = 1 + random.nextInt(300);
        for (int i = 0; i < depotCount; i++) {
            String code = "D" + i;
            double lat = Math.max(-89, Math.min(89, 30 + (random.nextDouble() - 0.5) * spreadDegrees));
            double lon = 110 + (random.nextDouble() - 0.5) * spreadDegrees;
            int handling = random.nextInt(4) == 0 ? 0 : 15 * random.nextInt(16);
            byCode.put(code, new DepotDirectory.Depot(new LocationInfo(code, "Depot " + i, LocationType.OFFICE_DEPOT, "City",
                    "CN", lat, lon, "Asia/Shanghai", "MON-FRI 09:00-18:00", handling, null, null), null));
        }
        DepotDirectory.Snapshot directory = new DepotDirectory.Snapshot(byCode, 0, Instant.EPOCH, 0);
        List<Stock.Level> levels = new ArrayList<>();
        double stocked = random.nextDouble();
        byCode.keySet().stream().sorted().filter(code -> random.nextDouble() < stocked)
                .forEach(code -> levels.add(new Stock.Level(code, "P", 1L + random.nextInt(5))));
        levels.add(new Stock.Level("ELSEWHERE", "P", 3L)); // stock at a location that is no depot is never a candidate
        QuoteEngine.DepotStock stock = QuoteEngine.DepotStock.of(directory, levels);
        RoadConditions roads = random.nextBoolean() ? eta.defaultRoads()
                : new RoadConditions(1 + random.nextDouble(), 20 + random.nextInt(80), random.nextInt(120), "test roads");
        Destination destination = new Destination(null, null, null, 30 + (random.nextDouble() - 0.5) * spreadDegrees,
                110 + (random.nextDouble() - 0.5) * spreadDegrees, roads);
        Integer limit = random.nextInt(5) == 0 ? null : 30 + random.nextInt(1_500);
        ServiceTier tier = new ServiceTier("T", "test tier", TierCalendar.ALWAYS, 60, 60, limit != null, limit, 10, 5, 30);

        List<QuoteEngine.Scored> all = engine.everyDepotRanked(directory, stock, destination, tier);
        List<QuoteEngine.Scored> nearest = engine.nearestRanked(directory, stock, destination, tier, wanted);

        assertThat(codes(nearest)).isEqualTo(codes(all.subList(0, Math.min(wanted, all.size()))));
        assertThat(nearest).isEqualTo(all.subList(0, nearest.size()));
    }

    private static List<String> codes(List<QuoteEngine.Scored> scored) {
        return scored.stream().map(s -> s.depot().code()).toList();
    }
}
