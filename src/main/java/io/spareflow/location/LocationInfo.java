package io.spareflow.location;

import io.spareflow.common.BusinessHours;
import io.spareflow.common.GeoPoint;
import io.spareflow.common.LocalizedName;
import java.time.ZoneId;

/**
 * One place of the service network, as other features see it. {@code nameZh} and {@code cityZh} are the Chinese
 * names of a domestic location (null elsewhere); {@link #localName()} picks one for a reader.
 */
public record LocationInfo(String code, String name, LocationType type, String city, String country,
                           double latitude, double longitude, String timeZone, String businessHours,
                           int handlingMinutes, String nameZh, String cityZh) {

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

    public BusinessHours hours() {
        return BusinessHours.parse(businessHours);
    }
}
