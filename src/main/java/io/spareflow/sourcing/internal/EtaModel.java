package io.spareflow.sourcing.internal;

import io.spareflow.common.GeoPoint;
import io.spareflow.customer.SiteInfo;
import io.spareflow.location.LocationInfo;
import io.spareflow.tier.TierCalendar;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When a board from a depot can be on site: the depot's handling time, then the faster of road (great-circle distance
 * × detour factor ÷ speed, with the site's override) and, beyond a distance, air freight (fixed handling + flight).
 * For a business-hours tier every minute is counted in the depot's working time (business hours and time zone under its
 * working calendar: a depot closed on a holiday does not ship); for a 24x7 tier the clock runs straight.
 */
@Component
class EtaModel {

    /** How a board gets from a depot to the site, and how many minutes of the tier's calendar it takes. */
    record Route(double distanceKm, Transport transport, long minutes) {
    }

    private final SourcingProperties properties;
    private final JdbcTemplate jdbc;

    EtaModel(SourcingProperties properties, JdbcTemplate jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /** The defaults, for a destination given by coordinates. */
    RoadConditions defaultRoads() {
        return new RoadConditions(properties.roadDetourFactor(), properties.roadSpeedKmh(), 0, null);
    }

    /** The roads to a customer site: its override where one is recorded, else the defaults. */
    RoadConditions roadsTo(SiteInfo site) {
        return jdbc.query("""
                        select road_detour_factor, road_speed_kmh, extra_minutes, reason from sourcing_site_override
                        where customer_code = ? and site_name = ?""",
                (rs, i) -> new RoadConditions(
                        rs.getObject(1) == null ? properties.roadDetourFactor() : rs.getDouble(1),
                        rs.getObject(2) == null ? properties.roadSpeedKmh() : rs.getDouble(2),
                        rs.getInt(3), rs.getString(4)),
                site.customerCode(), site.name()).stream().findFirst().orElseGet(this::defaultRoads);
    }

    Route route(LocationInfo depot, GeoPoint destination, RoadConditions roads) {
        double km = depot.point().distanceKmTo(destination);
        long road = depot.handlingMinutes() + roads.extraMinutes() + ceilMinutes(km * roads.detourFactor() / roads.speedKmh());
        if (km > properties.airFreightBeyondKm()) {
            long air = depot.handlingMinutes() + properties.airHandling().toMinutes() + ceilMinutes(km / properties.airSpeedKmh());
            if (air < road) {
                return new Route(km, Transport.AIR, air);
            }
        }
        return new Route(km, Transport.ROAD, road);
    }

    /**
     * A lower bound of {@link #route}'s minutes for every depot {@code km} or more away whose handling takes
     * {@code handlingMinutes} or more: the road time grows with the distance, and a flight is never shorter than one
     * over {@code km} or over the air-freight distance, whichever is longer (only farther depots fly).
     */
    long fastestFrom(double km, long handlingMinutes, RoadConditions roads) {
        long road = handlingMinutes + roads.extraMinutes() + ceilMinutes(km * roads.detourFactor() / roads.speedKmh());
        long air = handlingMinutes + properties.airHandling().toMinutes()
                + ceilMinutes(Math.max(km, properties.airFreightBeyondKm()) / properties.airSpeedKmh());
        return Math.min(road, air);
    }

    /** The instant {@code minutes} of the tier's calendar after {@code start}: the depot's working time, or straight time. */
    static Instant after(Instant start, long minutes, TierCalendar calendar, DepotDirectory.Depot depot) {
        return calendar == TierCalendar.ALWAYS ? start.plus(Duration.ofMinutes(minutes))
                : depot.workingTime().plusWorkingMinutes(start, minutes);
    }

    private static long ceilMinutes(double hours) {
        return (long) Math.ceil(hours * 60);
    }
}
