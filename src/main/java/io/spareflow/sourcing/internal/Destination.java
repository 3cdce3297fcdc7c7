package io.spareflow.sourcing.internal;

import io.spareflow.common.GeoPoint;

/** Where the spare must go: a customer site (with its road conditions) or bare coordinates. */
public record Destination(Long siteId, String siteName, String customerCode, double latitude, double longitude,
                          RoadConditions roads) {

    GeoPoint point() {
        return new GeoPoint(latitude, longitude);
    }
}
