package io.spareflow.calendar.internal;

import io.spareflow.calendar.WorkingCalendars;
import io.spareflow.tier.ServiceTiers;
import io.spareflow.tier.TierCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The working time left on a running SLA clock of a business-hours tier, as pages show it next to the due time
 * ({@code ${@workingTime.left(tier, location, due)}}): counted in the responsible location's working calendar, so a
 * clock over Spring Festival does not look as if it were running out.
 */
@Component("workingTime")
class WorkingTimeLeft {

    private final WorkingCalendars calendars;
    private final ServiceTiers tiers;
    private final MessageSource messages;
    private final Clock clock;

    WorkingTimeLeft(WorkingCalendars calendars, ServiceTiers tiers, MessageSource messages, Clock clock) {
        this.calendars = calendars;
        this.tiers = tiers;
        this.messages = messages;
        this.clock = clock;
    }

    /** Empty for a 24x7 tier (its clock is plain time) or an unknown due time. */
    public String left(String tier, String locationCode, Instant due) {
        if (due == null || locationCode == null || tiers.require(tier).calendar() == TierCalendar.ALWAYS) {
            return "";
        }
        Duration left = calendars.timetable(locationCode).workingTimeBetween(clock.instant(), due);
        if (left.isNegative() || left.isZero()) {
            return text("calendar.clock.none", locationCode);
        }
        return text("calendar.clock.left", text("calendar.clock.span", left.toHours(), left.toMinutesPart()), locationCode);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
