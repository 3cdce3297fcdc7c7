package io.spareflow.customer;

import io.spareflow.common.GeoPoint;
import java.time.ZoneId;

/** A customer's network site (an exchange, a base-station cluster, a core room) where boards are installed. */
public record SiteInfo(long id, String customerCode, String name, String city, String country,
                       double latitude, double longitude, String timeZone) {

    public GeoPoint point() {
        return new GeoPoint(latitude, longitude);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
