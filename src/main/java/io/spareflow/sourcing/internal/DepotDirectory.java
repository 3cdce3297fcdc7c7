package io.spareflow.sourcing.internal;

import io.spareflow.calendar.WorkingCalendars;
import io.spareflow.common.BusinessHours;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.Locations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The stock-holding depots with their hours parsed once, kept for a minute: every quote needs all of them, and
 * reading 2,000 depots per quote cost more than the stock query. A code not found triggers a reload (a depot added
 * since), at most once a second; other changes (hours, handling time) take effect within {@link #MAX_AGE}, a changed
 * working calendar at once.
 */
@Component
class DepotDirectory {

    static final Duration MAX_AGE = Duration.ofMinutes(1);
    private static final Duration MISS_RELOAD_GAP = Duration.ofSeconds(1);

    /** A depot as the ETA model needs it: its working time is its business hours under its working calendar. */
    record Depot(LocationInfo info, BusinessHours.Timetable workingTime) {

        String code() {
            return info.code();
        }
    }

    private record Snapshot(Map<String, Depot> byCode, Instant loadedAt, long calendarVersion) {
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
        Instant now = clock.instant();
        Snapshot current = snapshot;
        if (current == null || current.loadedAt().plus(MAX_AGE).isBefore(now)
                || current.calendarVersion() != calendars.version()) {
            current = reload(now);
        }
        Depot depot = current.byCode().get(code);
        if (depot == null && current.loadedAt().plus(MISS_RELOAD_GAP).isBefore(now)) {
            depot = reload(now).byCode().get(code);
        }
        return Optional.ofNullable(depot);
    }

    Depot require(String code) {
        return find(code).orElseThrow(() -> new IllegalStateException("Location " + code + " is not a stock-holding depot"));
    }

    private Snapshot reload(Instant now) {
        long calendarVersion = calendars.version();
        Snapshot loaded = new Snapshot(locations.depots().stream()
                .map(l -> new Depot(l, calendars.timetable(l)))
                .collect(Collectors.toUnmodifiableMap(Depot::code, Function.identity())), now, calendarVersion);
        snapshot = loaded;
        return loaded;
    }
}
