package io.spareflow.sourcing.internal;

import io.spareflow.calendar.WorkingCalendars;
import io.spareflow.common.BusinessHours;
import io.spareflow.common.GeoPoint;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.Locations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The stock-holding depots with their hours parsed once, kept for a minute with their order by distance from each
 * destination quoted (a quote walks out along it): reading 2,000 depots per quote cost more than the stock query. A code not found triggers a reload (a depot added
 * since), at most once a second; other changes (hours, handling time) take effect within {@link #MAX_AGE}, a changed
 * working calendar at once.
 */
@Component
class DepotDirectory {

    static final Duration MAX_AGE = Duration.ofMinutes(1);
    private static final Duration MISS_RELOAD_GAP = Duration.ofSeconds(1);
    /** Destinations whose distance order a load keeps (the customer sites quoted most; about 16 bytes per depot each). */
    private static final int ORDERS_KEPT = 1_024;

    /** A depot as the ETA model needs it: its working time is its business hours under its working calendar. */
    record Depot(LocationInfo info, BusinessHours.Timetable workingTime) {

        String code() {
            return info.code();
        }
    }

    /** Every depot of a load by great-circle distance from one point, nearest first: {@code km[i]} is {@code depots[i]}'s. */
    record NearestFirst(Depot[] depots, double[] km) {
    }

    /** The depots as of one load, with the distance orders worked out from it so far. */
    static final class Snapshot {

        private final Map<String, Depot> byCode;
        private final Instant loadedAt;
        private final long calendarVersion;
        private final long fewestHandlingMinutes;
        private final Map<GeoPoint, NearestFirst> orders = new ConcurrentHashMap<>();

        Snapshot(Map<String, Depot> byCode, Instant loadedAt, long calendarVersion) {
            this.byCode = byCode;
            this.loadedAt = loadedAt;
            this.calendarVersion = calendarVersion;
            this.fewestHandlingMinutes = byCode.values().stream().mapToLong(d -> d.info().handlingMinutes()).min().orElse(0);
        }

        Optional<Depot> find(String code) {
            return Optional.ofNullable(byCode.get(code));
        }

        boolean knows(String code) {
            return byCode.containsKey(code);
        }

        /** The shortest handling time of any depot: what every depot takes at least before a board leaves. */
        long fewestHandlingMinutes() {
            return fewestHandlingMinutes;
        }

        /** The depots nearest first from {@code point} (ties by code); kept for the first {@value #ORDERS_KEPT} points. */
        NearestFirst nearestFirst(GeoPoint point) {
            NearestFirst kept = orders.get(point);
            if (kept != null) {
                return kept;
            }
            Depot[] depots = byCode.values().toArray(Depot[]::new);
            double[] distances = new double[depots.length];
            Integer[] order = new Integer[depots.length];
            for (int i = 0; i < depots.length; i++) {
                distances[i] = depots[i].info().point().distanceKmTo(point);
                order[i] = i;
            }
            Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> distances[i]).thenComparing(i -> depots[i].code()));
            Depot[] sorted = new Depot[depots.length];
            double[] km = new double[depots.length];
            for (int i = 0; i < order.length; i++) {
                sorted[i] = depots[order[i]];
                km[i] = distances[order[i]];
            }
            NearestFirst made = new NearestFirst(sorted, km);
            if (orders.size() < ORDERS_KEPT) {
                orders.putIfAbsent(point, made);
            }
            return made;
        }

        private boolean fresh(Instant now, long currentCalendarVersion) {
            return !loadedAt.plus(MAX_AGE).isBefore(now) && calendarVersion == currentCalendarVersion;
        }
    }

    private final Locations locations;
    private final WorkingCalendars calendars;
    private final Clock clock;
    private volatile Snapshot snapshot;

    DepotDirectory(Locations locations, WorkingCalendars calendars, Clock clock) {
        this.locations = locations;
        this.calendars = calendars;
        this.clock = clock;
    }

    Optional<Depot> find(String code) {
        return covering(List.of(code)).find(code);
    }

    Depot require(String code) {
        return find(code).orElseThrow(() -> new IllegalStateException("Location " + code + " is not a stock-holding depot"));
    }

    /**
     * The current load, reloaded first when it is older than {@link #MAX_AGE} or a calendar changed, or when one of
     * {@code codes} is missing from it and it is older than a second (a depot added since).
     */
    Snapshot covering(Collection<String> codes) {
        Instant now = clock.instant();
        Snapshot current = snapshot;
        if (current == null || !current.fresh(now, calendars.version())) {
            current = reload(now);
        }
        if (current.loadedAt.plus(MISS_RELOAD_GAP).isBefore(now) && !codes.stream().allMatch(current::knows)) {
            current = reload(now);
        }
        return current;
    }

    private Snapshot reload(Instant now) {
        long calendarVersion = calendars.version();
        // A HashMap, not Map.copyOf's open addressing: depot codes like BD0001…BD1878 hash to neighbouring values,
        // and probing through their clusters was half of a quote's CPU at 2,000 depots (JFR, docs/performance.md).
        Snapshot loaded = new Snapshot(Collections.unmodifiableMap(locations.depots().stream()
                .map(l -> new Depot(l, calendars.timetable(l)))
                .collect(Collectors.toMap(Depot::code, Function.identity(), (a, b) -> a, HashMap::new))), now, calendarVersion);
        snapshot = loaded;
        return loaded;
    }
}
