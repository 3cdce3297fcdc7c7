package io.spareflow.web.internal;

import io.spareflow.common.ReaderTime;
import io.spareflow.user.Users;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Times on the pages, in templates as {@code ${@when.at(instant)}}: in the reader's time zone (their location's; UTC
 * for a user without one) and their language's format, to the minute with the zone, so a time read off a page in
 * Urumqi and one read in Shenzhen name the same moment.
 */
@Component("when")
class When {

    private static final String ZONE_OF_REQUEST = When.class.getName() + ".zone";

    private final ReaderTime time;
    private final Users users;
    private final MessageSource messages;

    When(ReaderTime time, Users users, MessageSource messages) {
        this.time = time;
        this.users = users;
        this.messages = messages;
    }

    public String at(Instant instant) {
        return instant == null ? "—" : time.format(instant, readerZone(), LocaleContextHolder.getLocale());
    }

    /** How long from now until {@code due} ("in 3 h 20 min") or since it passed ("5 min ago"). */
    public String until(Instant due) {
        if (due == null) {
            return "";
        }
        Duration left = Duration.between(Instant.now(), due);
        return text(left.isNegative() ? "pages.when.ago" : "pages.when.in", span(left.abs()));
    }

    private String span(Duration d) {
        long hours = d.toHours();
        long minutes = d.toMinutesPart();
        return hours >= 48 ? text("pages.when.days", String.valueOf(d.toDays()))
                : hours > 0 ? text("pages.when.hoursMinutes", String.valueOf(hours), String.valueOf(minutes))
                : text("pages.when.minutes", String.valueOf(minutes));
    }

    /** The zone of the signed-in reader, looked up once per request (a page shows many times). */
    private ZoneId readerZone() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(ZONE_OF_REQUEST, RequestAttributes.SCOPE_REQUEST) instanceof ZoneId known) {
            return known;
        }
        ZoneId zone = users.currentZone();
        if (request != null) {
            request.setAttribute(ZONE_OF_REQUEST, zone, RequestAttributes.SCOPE_REQUEST);
        }
        return zone;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
