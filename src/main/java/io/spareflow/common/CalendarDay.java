package io.spareflow.common;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One day on which a working calendar departs from the weekly hours: a public holiday (closed, or open with reduced
 * hours) or an extra working day (a weekend day worked with the normal hours, China's 调休).
 */
public record CalendarDay(LocalDate date, Kind kind, LocalTime opens, LocalTime closes, String name) {

    public enum Kind {
        /** Closed all day. */
        CLOSED,
        /** Open only from {@code opens} to {@code closes}. */
        REDUCED_HOURS,
        /** Open with the location's normal hours, whatever the weekday. */
        WORKING_DAY
    }

    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.REDUCED_HOURS) != (opens != null && closes != null)) {
            throw new IllegalArgumentException(date + ": opening hours are given exactly for REDUCED_HOURS days");
        }
        if (kind != Kind.REDUCED_HOURS && (opens != null || closes != null)) {
            throw new IllegalArgumentException(date + ": only REDUCED_HOURS days have opening hours");
        }
        if (opens != null && !opens.isBefore(closes)) {
            throw new IllegalArgumentException(date + ": reduced hours close (" + closes + ") before they open (" + opens + ")");
        }
    }

    public static CalendarDay closed(LocalDate date, String name) {
        return new CalendarDay(date, Kind.CLOSED, null, null, name);
    }

    public static CalendarDay workingDay(LocalDate date, String name) {
        return new CalendarDay(date, Kind.WORKING_DAY, null, null, name);
    }
}
