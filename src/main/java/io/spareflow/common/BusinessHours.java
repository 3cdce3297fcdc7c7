package io.spareflow.common;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opening hours of a location, written as {@code MON-FRI 08:30-17:30} (day range may wrap, e.g. {@code SUN-THU};
 * {@code 24:00} closes at midnight). Time limits of business-hours tiers are counted in these hours, in the location's
 * time zone. Public holidays are not modelled.
 */
public record BusinessHours(Set<DayOfWeek> days, LocalTime opens, Duration openFor) {

    private static final Pattern FORMAT = Pattern.compile("([A-Z]{3})-([A-Z]{3}) (\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");
    public static final BusinessHours ALWAYS = parse("MON-SUN 00:00-24:00");

    public BusinessHours {
        days = Set.copyOf(days);
        if (days.isEmpty() || openFor.isZero() || openFor.isNegative() || openFor.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("business hours need at least one day and an opening of up to 24 hours");
        }
    }

    public static BusinessHours parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("business hours '" + text + "' are not of the form 'MON-FRI 08:30-17:30'");
        }
        DayOfWeek from = day(m.group(1), text);
        DayOfWeek to = day(m.group(2), text);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d = from; ; d = d.plus(1)) {
            days.add(d);
            if (d == to) {
                break;
            }
        }
        int openMinute = minute(m.group(3), m.group(4), text);
        int closeMinute = minute(m.group(5), m.group(6), text);
        if (closeMinute <= openMinute) {
            throw new IllegalArgumentException("business hours '" + text + "' close before they open");
        }
        return new BusinessHours(days, LocalTime.ofSecondOfDay(openMinute * 60L), Duration.ofMinutes(closeMinute - openMinute));
    }

    public boolean isAlwaysOpen() {
        return days.size() == 7 && openFor.equals(Duration.ofHours(24));
    }

    /** The instant when {@code minutes} of working time have passed after {@code start}. */
    public Instant plusWorkingMinutes(Instant start, long minutes, ZoneId zone) {
        if (minutes < 0) {
            throw new IllegalArgumentException("minutes must not be negative");
        }
        if (isAlwaysOpen()) {
            return start.plus(Duration.ofMinutes(minutes));
        }
        Duration left = Duration.ofMinutes(minutes);
        LocalDate day = start.atZone(zone).toLocalDate().minusDays(1);
        for (int guard = 0; guard < 3700; guard++, day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            Instant open = day.atTime(opens).atZone(zone).toInstant();
            Instant close = ZonedDateTime.of(day, opens, zone).plus(openFor).toInstant();
            Instant from = start.isAfter(open) ? start : open;
            if (!from.isBefore(close)) {
                continue;
            }
            Duration available = Duration.between(from, close);
            if (available.compareTo(left) >= 0) {
                return from.plus(left);
            }
            left = left.minus(available);
        }
        throw new IllegalStateException("no working time found within ten years for " + this);
    }

    private static DayOfWeek day(String abbreviation, String text) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(abbreviation)) {
                return d;
            }
        }
        throw new IllegalArgumentException("business hours '" + text + "': '" + abbreviation + "' is not a day (MON…SUN)");
    }

    private static int minute(String hours, String minutes, String text) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (h > 24 || m > 59 || (h == 24 && m > 0)) {
            throw new IllegalArgumentException("business hours '" + text + "': " + hours + ":" + minutes + " is not a time of day");
        }
        return h * 60 + m;
    }
}
