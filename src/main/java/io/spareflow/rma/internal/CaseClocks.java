package io.spareflow.rma.internal;

import io.spareflow.common.BusinessHours;
import io.spareflow.common.GeoPoint;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.Locations;
import io.spareflow.tier.ServiceTier;
import io.spareflow.tier.TierCalendar;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import org.springframework.stereotype.Component;

/**
 * Due times of a case's steps, counted in its tier's calendar: every minute (24x7 tiers) or the business hours of the
 * case's responsible location, the depot nearest to the customer site.
 */
@Component
class CaseClocks {

    private final Locations locations;

    CaseClocks(Locations locations) {
        this.locations = locations;
    }

    String responsibleLocationFor(GeoPoint site) {
        return locations.depots().stream()
                .min(Comparator.comparingDouble(d -> d.point().distanceKmTo(site)))
                .map(LocationInfo::code)
                .orElseThrow(() -> new IllegalStateException("No depot is configured: a case needs a responsible location"));
    }

    /** The limit of {@code minutes} of the tier's calendar from {@code start}, and its escalation time. */
    Limit limit(ServiceTier tier, String responsibleLocation, Instant start, int minutes) {
        Instant due = plus(tier, responsibleLocation, start, minutes);
        return new Limit(due, plus(tier, responsibleLocation, due, minutes));
    }

    private Instant plus(ServiceTier tier, String responsibleLocation, Instant start, int minutes) {
        if (tier.calendar() == TierCalendar.ALWAYS) {
            return BusinessHours.ALWAYS.plusWorkingMinutes(start, minutes, ZoneOffset.UTC);
        }
        LocationInfo location = locations.require(responsibleLocation);
        return location.hours().plusWorkingMinutes(start, minutes, location.zone());
    }
}
