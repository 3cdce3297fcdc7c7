package io.spareflow.location;

import io.spareflow.common.BusinessHours;
import io.spareflow.common.GeoPoint;
import java.time.ZoneId;

/** One place of the service network, as other features see it. */
public record LocationInfo(String code, String name, LocationType type, String city, String country,
                           double latitude, double longitude, String timeZone, String businessHours,
                           int handlingMinutes) {

    public GeoPoint point() {
        return new GeoPoint(latitude, longitude);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public BusinessHours hours() {
        return BusinessHours.parse(businessHours);
    }
}
