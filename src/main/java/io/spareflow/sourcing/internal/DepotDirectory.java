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
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The stock-holding depots with their hours parsed once and their order by distance from each destination quoted (a
 * quote walks out along it): reading 2,000 depots per quote cost more than the stock query. Reloaded when the master
 * data changed on any node ({@link MasterData}: a depot added, moved or edited), when a working calendar changed on
 * this node, and after {@link #MAX_AGE} (a calendar changed on another node, which {@link WorkingCalendars} sees within
 * its own minute). A reload that finds every depot where it was keeps the distance orders worked out so far.
 */
@Component
class DepotDirectory {

    static final Duration MAX_AGE = Duration.ofMinutes(1);
    /** Destinations whose distance order is kept (the customer sites quoted most; about 12 bytes per depot each). */
    private static final int ORDERS_KEPT = 1_024;

    /** A depot as the ETA model needs it: its working time is its business hours under its working calendar. */
    record Depot(LocationInfo info, BusinessHours.Timetable workingTime) {

        String code() {
            return info.code();
        }
    }

    /** Every depot of a load by great-circle distance from one point, nearest first: {@code km(i)} is {@code depot(i)}'s. */
    static final class NearestFirst {

        private final Depot[] byCode;
        private final int[] order;
        private final double[] km;

        private NearestFirst(Depot[] byCode, int[] order, double[] km) {
            this.byCode = byCode;
            this.order = order;
            this.km = km;
        }

        int size() {
            return order.length;
        }

        Depot depot(int i) {
            return byCode[order[i]];
        }

        /** The index in its snapshot of the {@code i}-th nearest depot. */
        int index(int i) {
            return order[i];
        }

        double km(int i) {
            return km[i];
        }
    }

    /**
     * Where the depots are: their codes in order and their points, with the distance orders (indices into that code
     * order) worked out from them so far. Shared by consecutive loads that find the depots where they were.
     */
    private static final class Geography {

        private final String[] codes;
        private final GeoPoint[] points;
        private final Map<GeoPoint, Order> orders = new ConcurrentHashMap<>();

        private record Order(int[] order, double[] km) {
        }

        private Geography(Depot[] byCode) {
            codes = Arrays.stream(byCode).map(Depot::code).toArray(String[]::new);
            points = Arrays.stream(byCode).map(d -> d.info().point()).toArray(GeoPoint[]::new);
        }

        private boolean sameAs(Geography other) {
            return Arrays.equals(codes, other.codes) && Arrays.equals(points, other.points);
        }

        /** Nearest first from {@code point}, ties by code (the codes are in order, so by index). */
        private Order orderFrom(GeoPoint point) {
            Order kept = orders.get(point);
            if (kept != null) {
                return kept;
            }
            int n = codes.length;
            double[] distances = new double[n];
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                distances[i] = points[i].distanceKmTo(point);
                order[i] = i;
            }
            Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> distances[i]).thenComparingInt(i -> i));
            int[] sorted = new int[n];
            double[] km = new double[n];
            for (int i = 0; i < n; i++) {
                sorted[i] = order[i];
                km[i] = distances[order[i]];
            }
            Order made = new Order(sorted, km);
            if (orders.size() < ORDERS_KEPT) {
                orders.putIfAbsent(point, made);
            }
            return made;
        }
    }

    /** The depots as of one load, each with an index: its place in code order. */
    static final class Snapshot {

        private final Depot[] inCodeOrder;
        private final Map<String, Integer> indexByCode;
        private final Geography geography;
        private final long masterVersion;
        private final Instant loadedAt;
        private final long calendarVersion;
        private final long fewestHandlingMinutes;

        Snapshot(Map<String, Depot> byCode, long masterVersion, Instant loadedAt, long calendarVersion) {
            this(byCode, masterVersion, loadedAt, calendarVersion, null);
        }

        private Snapshot(Map<String, Depot> byCode, long masterVersion, Instant loadedAt, long calendarVersion,
                         Snapshot previous) {
            this.inCodeOrder = byCode.values().stream().sorted(Comparator.comparing(Depot::code)).toArray(Depot[]::new);
            this.indexByCode = new HashMap<>(2 * inCodeOrder.length);
            for (int i = 0; i < inCodeOrder.length; i++) {
                indexByCode.put(inCodeOrder[i].code(), i);
            }
            Geography geography = new Geography(inCodeOrder);
            this.geography = previous != null && previous.geography.sameAs(geography) ? previous.geography : geography;
            this.masterVersion = masterVersion;
            this.loadedAt = loadedAt;
            this.calendarVersion = calendarVersion;
            this.fewestHandlingMinutes = byCode.values().stream().mapToLong(d -> d.info().handlingMinutes()).min().orElse(0);
        }

        /** How many depots: indices run from 0 to this, exclusive. */
        int size() {
            return inCodeOrder.length;
        }

        /** The depot's index, or -1 for a code that is no depot. */
        int indexOf(String code) {
            Integer index = indexByCode.get(code);
            return index == null ? -1 : index;
        }

        Depot depot(int index) {
            return inCodeOrder[index];
        }

        Optional<Depot> find(String code) {
            int index = indexOf(code);
            return index < 0 ? Optional.empty() : Optional.of(inCodeOrder[index]);
        }

        /** The shortest handling time of any depot: what every depot takes at least before a board leaves. */
        long fewestHandlingMinutes() {
            return fewestHandlingMinutes;
        }

        /** The depots nearest first from {@code point} (ties by code); kept for the first {@value #ORDERS_KEPT} points. */
        NearestFirst nearestFirst(GeoPoint point) {
            Geography.Order order = geography.orderFrom(point);
            return new NearestFirst(inCodeOrder, order.order(), order.km());
        }

        private boolean fresh(long currentMasterVersion, Instant now, long currentCalendarVersion) {
            return masterVersion == currentMasterVersion && calendarVersion == currentCalendarVersion
                    && !loadedAt.plus(MAX_AGE).isBefore(now);
        }
    }

    private final Locations locations;
    private final WorkingCalendars calendars;
    private final MasterData masterData;
    private final Clock clock;
    private volatile Snapshot snapshot;

    DepotDirectory(Locations locations, WorkingCalendars calendars, MasterData masterData, Clock clock) {
        this.locations = locations;
        this.calendars = calendars;
        this.masterData = masterData;
        this.clock = clock;
    }

    /** The depot with that code as the master data stand now. */
    Depot require(String code) {
        return as(masterData.now()).find(code)
                .orElseThrow(() -> new IllegalStateException("Location " + code + " is not a stock-holding depot"));
    }

    /** The depots as of {@code master}: the current load, or a new one when it is out of date. */
    Snapshot as(MasterData.Kept master) {
        Instant now = clock.instant();
        Snapshot current = snapshot;
        if (current == null || !current.fresh(master.version(), now, calendars.version())) {
            current = reload(master.version(), now, current);
        }
        return current;
    }

    private Snapshot reload(long masterVersion, Instant now, Snapshot previous) {
        long calendarVersion = calendars.version();
        Map<String, Depot> byCode = locations.depots().stream().map(l -> new Depot(l, calendars.timetable(l)))
                .collect(Collectors.toMap(Depot::code, Function.identity(), (a, b) -> a, HashMap::new));
        Snapshot loaded = new Snapshot(byCode, masterVersion, now, calendarVersion, previous);
        snapshot = loaded;
        return loaded;
    }
}
