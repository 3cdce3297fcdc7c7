package io.spareflow.customer;

import io.spareflow.common.GeoPoint;
import io.spareflow.common.LocalizedName;
import java.time.ZoneId;

/**
 * A customer's network site (an exchange, a base-station cluster, a core room) where boards are installed.
 * {@code nameZh} and {@code cityZh} are the Chinese names of a domestic operator's site (null elsewhere);
 * {@link #localName()} and {@link #localCity()} pick one for a reader.
 */
public record SiteInfo(long id, String customerCode, String name, String city, String country,
                       double latitude, double longitude, String timeZone, String nameZh, String cityZh) {

    public LocalizedName localName() {
        return new LocalizedName(name, nameZh);
    }

    public LocalizedName localCity() {
        return new LocalizedName(city, cityZh);
    }

    public GeoPoint point() {
        return new GeoPoint(latitude, longitude);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
