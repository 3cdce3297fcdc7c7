package io.spareflow.rma.internal;

import io.spareflow.common.Message;
import io.spareflow.calendar.WorkingCalendars;
import io.spareflow.common.GeoPoint;
import io.spareflow.rma.SlaStep;
import io.spareflow.rma.TimelineKind;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.Locations;
import io.spareflow.tier.ServiceTier;
import io.spareflow.tier.TierCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Due times of a case's steps, counted in its tier's calendar: every minute (24x7 tiers) or the working time of the
 * case's responsible location, the depot nearest to the customer site: its business hours under its working calendar
 * (public holidays, extra working days).
 */
@Component
class CaseClocks {

    private final Locations locations;
    private final WorkingCalendars calendars;

    CaseClocks(Locations locations, WorkingCalendars calendars) {
        this.locations = locations;
        this.calendars = calendars;
    }

    /**
     * Starts the case's clock of {@code step} (unless it runs already); when its due time was counted through a year
     * whose working calendar is not loaded (weekly hours only, no public holidays), the case's timeline says so.
     */
    void startClock(CaseEntity entity, ServiceTier tier, SlaStep step, Instant start, Instant due) {
        if (entity.clock(step).isPresent()) {
            return;
        }
        entity.startClock(step, start, due);
        if (tier.calendar() == TierCalendar.ALWAYS) {
            return;
        }
        LocationInfo location = locations.require(entity.responsibleLocation());
        Set<Integer> missing = calendars.yearsNotLoaded(location, start, due);
        if (!missing.isEmpty()) {
            entity.record(start, TimelineKind.CALENDAR_NOT_LOADED, "system", Message.of("calendar.timeline.weeklyHoursOnly",
                    step.name(), location.code(), location.country(),
                    missing.stream().map(String::valueOf).collect(Collectors.joining(", "))));
        }
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

    /**
     * The spare-on-site limit of a case counting from {@code start}: from the report for the lines named before the
     * diagnosis, from their naming for lines added later.
     */
    Limit spareOnSite(ServiceTier tier, CaseEntity entity, Instant start) {
        return limit(tier, entity.responsibleLocation(), start, tier.spareOnSiteMinutes());
    }

    /** A defective return expected from {@code now}: the reminder before its due day, the due day and the charge limit. */
    ReturnLimits defectiveReturn(ServiceTier tier, CaseEntity entity, Instant now) {
        String responsible = entity.responsibleLocation();
        return new ReturnLimits(
                plusDays(tier, responsible, now, tier.defectiveReturnDays() - tier.defectiveReturnReminderDays()),
                plusDays(tier, responsible, now, tier.defectiveReturnDays()),
                plusDays(tier, responsible, now, tier.overdueChargeDays()));
    }

    /** A repair's turnaround in calendar days from {@code now}; the supervisor steps in after twice that. */
    static Limit repairTurnaround(Instant now, int days) {
        return new Limit(now.plus(Duration.ofDays(days)), now.plus(Duration.ofDays(2L * days)));
    }

    private Instant plus(ServiceTier tier, String responsibleLocation, Instant start, int minutes) {
        if (tier.calendar() == TierCalendar.ALWAYS) {
            return start.plus(Duration.ofMinutes(minutes));
        }
        return calendars.plusWorkingMinutes(locations.require(responsibleLocation), start, minutes);
    }

    /**
     * The instant {@code days} after {@code start} for a limit in days: calendar days for a 24x7 tier, else the close
     * of the {@code days}-th working day of the responsible location.
     */
    Instant plusDays(ServiceTier tier, String responsibleLocation, Instant start, int days) {
        if (tier.calendar() == TierCalendar.ALWAYS) {
            return start.plus(Duration.ofDays(days));
        }
        return calendars.endOfWorkingDays(locations.require(responsibleLocation), start, days);
    }
}
