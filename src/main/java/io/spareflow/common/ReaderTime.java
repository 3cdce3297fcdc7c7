package io.spareflow.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A moment as its reader reads it: in the reader's time zone (a contact's is their site's, a staff user's their
 * location's) and in the pattern of the reader's language, which is a message ({@code time.dateTime}), so a
 * translation sets its own order of day, month and year.
 */
@Component
public class ReaderTime {

    private final MessageSource messages;

    ReaderTime(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code at} to the minute with the zone's abbreviation; null for null. */
    public String format(Instant at, ZoneId zone, Locale locale) {
        return at == null ? null : format(messages, at, zone, locale);
    }

    static String format(MessageSource messages, Instant at, ZoneId zone, Locale locale) {
        String pattern = messages.getMessage("time.dateTime", null, locale);
        return DateTimeFormatter.ofPattern(pattern, locale).format(at.atZone(zone));
    }
}
