package io.spareflow.sourcing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.common.GeoPoint;
import io.spareflow.common.WorkingCalendar;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.LocationType;
import io.spareflow.tier.TierCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class EtaModelTest {

    private static final LocationInfo QUITO = new LocationInfo("UIO", "Quito Spare Parts Center", LocationType.OVERSEAS_DEPOT,
            "Quito", "EC", -0.1807, -78.4678, "America/Guayaquil", "MON-FRI 08:00-17:00", 60, null, null);
    private static final GeoPoint GUAYAQUIL = new GeoPoint(-2.1894, -79.8891);
    private static final GeoPoint BOGOTA = new GeoPoint(4.7110, -74.0721);
    private static final GeoPoint MADRID = new GeoPoint(40.4168, -3.7038);

    private final EtaModel model = new EtaModel(new SourcingProperties(1.3, 60, 600, Duration.ofHours(8), 650,
            Duration.ofHours(4), Duration.ofMinutes(1), 10), null);

    @Test
    void roadTimeIsHandlingPlusDetouredDistanceAtRoadSpeed() {
        EtaModel.Route route = model.route(QUITO, GUAYAQUIL, model.defaultRoads());

        double km = QUITO.point().distanceKmTo(GUAYAQUIL);
        assertThat(route.transport()).isEqualTo(Transport.ROAD);
        assertThat(route.distanceKm()).isEqualTo(km);
        assertThat(route.minutes()).isEqualTo(60 + (long) Math.ceil(km * 1.3));
    }

    @Test
    void aSlowerRoadOverrideAddsTimeButNotDistance() {
        RoadConditions mountains = new RoadConditions(1.55, 45, 30, "mountain roads");

        EtaModel.Route plain = model.route(QUITO, GUAYAQUIL, model.defaultRoads());
        EtaModel.Route slow = model.route(QUITO, GUAYAQUIL, mountains);

        assertThat(slow.distanceKm()).isEqualTo(plain.distanceKm());
        assertThat(slow.minutes()).isEqualTo(60 + 30 + (long) Math.ceil(plain.distanceKm() * 1.55 / 45 * 60));
    }

    @Test
    void beyondTheAirFreightDistanceTheFasterOfRoadAndAirIsTaken() {
        EtaModel.Route bogota = model.route(QUITO, BOGOTA, model.defaultRoads());
        EtaModel.Route madrid = model.route(QUITO, MADRID, model.defaultRoads());

        // 730 km: the road (about 16 h) is slower than 8 h of air handling plus a one-hour flight.
        assertThat(bogota.transport()).isEqualTo(Transport.AIR);
        assertThat(bogota.minutes()).isEqualTo(60 + 480 + (long) Math.ceil(bogota.distanceKm() / 650 * 60));
        assertThat(madrid.transport()).isEqualTo(Transport.AIR);
        assertThat(madrid.minutes()).isGreaterThan(bogota.minutes());
    }

    @Test
    void businessHoursTiersCountOnlyTheDepotsWorkingTimeAndTwentyFourSevenTiersCountEveryMinute() {
        ZoneId quito = ZoneId.of("America/Guayaquil");
        Instant fridayAfternoon = ZonedDateTime.of(2026, 11, 27, 16, 0, 0, 0, quito).toInstant();
        DepotDirectory.Depot depot = new DepotDirectory.Depot(QUITO, QUITO.hours().timetable(quito, WorkingCalendar.NONE));

        assertThat(EtaModel.after(fridayAfternoon, 120, TierCalendar.BUSINESS_HOURS, depot))
                .isEqualTo(ZonedDateTime.of(2026, 11, 30, 9, 0, 0, 0, quito).toInstant());
        assertThat(EtaModel.after(fridayAfternoon, 120, TierCalendar.ALWAYS, depot))
                .isEqualTo(fridayAfternoon.plus(Duration.ofHours(2)));
    }
}
