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
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opening hours of a location, written as {@code MON-FRI 08:30-17:30} (day range may wrap, e.g. {@code SUN-THU};
 * {@code 24:00} closes at midnight). Time limits of business-hours tiers are counted in these hours, in the location's
 * time zone, under the place's {@link WorkingCalendar} (public holidays, extra working days): {@link Timetable} is the
 * one place that does business-time arithmetic.
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

    /** Hours that cannot be read, told in the reader's language; an {@link IllegalArgumentException} for callers that need no words. */
    public static final class InvalidHours extends IllegalArgumentException implements Explained {

        private final transient Message detail;

        InvalidHours(Message detail) {
            super(detail.english());
            this.detail = detail;
        }

        @Override
        public Message detail() {
            return detail;
        }
    }

    /** Hours of the form {@code MON-FRI 08:30-17:30}; {@link InvalidHours} for any other text. */
    public static BusinessHours parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidHours(Message.of("errors.hours.form", text));
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
            throw new InvalidHours(Message.of("errors.hours.closeBeforeOpen", text));
        }
        return new BusinessHours(days, LocalTime.ofSecondOfDay(openMinute * 60L), Duration.ofMinutes(closeMinute - openMinute));
    }

    public boolean isAlwaysOpen() {
        return days.size() == 7 && openFor.equals(Duration.ofHours(24));
    }

    /**
     * The instant when {@code minutes} of the weekly hours have passed after {@code start}, with no holidays: for
     * places without a calendar. Everything that has one goes through {@link #timetable}.
     */
    public Instant plusWorkingMinutes(Instant start, long minutes, ZoneId zone) {
        return timetable(zone, WorkingCalendar.NONE).plusWorkingMinutes(start, minutes);
    }

    /** These hours in {@code zone} under {@code calendar}'s holidays and extra working days. Build once, keep it. */
    public Timetable timetable(ZoneId zone, WorkingCalendar calendar) {
        return new Timetable(this, zone, calendar);
    }

    /**
     * The working periods of one place: weekly hours, time zone and working calendar, precomputed a year at a time
     * (each day's opening and closing instant and the working time before it). Adding working time is a binary search
     * in a year's table, never a walk over minutes. Exact to the nanosecond; thread-safe.
     */
    public static final class Timetable {

        private static final int MAX_YEARS = 10;
        private static final long NANOS = 1_000_000_000L;

        private final BusinessHours hours;
        private final ZoneId zone;
        private final WorkingCalendar calendar;
        private final ConcurrentMap<Integer, YearTable> years = new ConcurrentHashMap<>();

        private Timetable(BusinessHours hours, ZoneId zone, WorkingCalendar calendar) {
            this.hours = hours;
            this.zone = zone;
            this.calendar = calendar;
        }

        public ZoneId zone() {
            return zone;
        }

        /** The instant when {@code minutes} of working time have passed after {@code start}. */
        public Instant plusWorkingMinutes(Instant start, long minutes) {
            if (minutes < 0) {
                throw new IllegalArgumentException("minutes must not be negative");
            }
            if (minutes == 0) {
                return start;
            }
            long left = Math.multiplyExact(minutes, 60 * NANOS);
            int year = start.atZone(zone).getYear();
            YearTable table = year(year);
            long position = table.workedBefore(nanos(start));
            for (int i = 0; i < MAX_YEARS; i++) {
                long target = position + left;
                if (target <= table.total()) {
                    return instant(table.at(target));
                }
                left = target - table.total();
                table = year(++year);
                position = 0;
            }
            throw new IllegalStateException("no working time found within " + MAX_YEARS + " years for " + hours + " in " + zone);
        }

        /**
         * The close of the {@code days}-th working day after the day of {@code start} (the day itself not counted): a
         * limit of whole business days, as a defective return's.
         */
        public Instant endOfWorkingDays(Instant start, int days) {
            if (days < 1) {
                throw new IllegalArgumentException("days must be at least 1");
            }
            LocalDate day = start.atZone(zone).toLocalDate();
            int counted = 0;
            for (int guard = 0; guard < MAX_YEARS * 366; guard++) {
                day = day.plusDays(1);
                YearTable table = year(day.getYear());
                int index = day.getDayOfYear() - 1;
                if (table.isWorkingDay(index) && ++counted == days) {
                    return instant(table.close(index));
                }
            }
            throw new IllegalStateException("no " + days + " working days found within " + MAX_YEARS + " years for " + hours);
        }

        /** Working time from {@code from} to {@code to}; negative when {@code to} is earlier. */
        public Duration workingTimeBetween(Instant from, Instant to) {
            if (to.isBefore(from)) {
                return workingTimeBetween(to, from).negated();
            }
            int fromYear = from.atZone(zone).getYear();
            int toYear = to.atZone(zone).getYear();
            long worked = -year(fromYear).workedBefore(nanos(from));
            for (int y = fromYear; y < toYear; y++) {
                worked += year(y).total();
            }
            worked += year(toYear).workedBefore(nanos(to));
            return Duration.ofNanos(worked);
        }

        /** Whether {@code instant} lies in an opening (its closing instant included, its opening excluded). */
        public boolean isWorkingAt(Instant instant) {
            int year = instant.atZone(zone).getYear();
            long at = nanos(instant);
            // An opening until midnight ends at the first instant of the next day, maybe of the next year.
            return year(year).isWithinOpening(at) || year(year - 1).isWithinOpening(at);
        }

        /** The years from {@code from} to {@code to} (local) that were counted in weekly hours only: no calendar loaded. */
        public Set<Integer> yearsWithoutCalendar(Instant from, Instant to) {
            Set<Integer> missing = new TreeSet<>();
            for (int y = from.atZone(zone).getYear(); y <= to.atZone(zone).getYear(); y++) {
                if (!calendar.isLoaded(y)) {
                    missing.add(y);
                }
            }
            return missing;
        }

        private YearTable year(int year) {
            return years.computeIfAbsent(year, y -> YearTable.of(y, hours, zone, calendar));
        }

        private static long nanos(Instant instant) {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS), instant.getNano());
        }

        private static Instant instant(long nanos) {
            return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
        }
    }

    /**
     * One year of a timetable: for each day (by day of year) its opening and closing in epoch nanoseconds (equal when
     * closed) and the working time of the year before that day.
     */
    private record YearTable(long[] open, long[] close, long[] before, long total) {

        static YearTable of(int year, BusinessHours hours, ZoneId zone, WorkingCalendar calendar) {
            LocalDate first = LocalDate.of(year, 1, 1);
            int length = first.lengthOfYear();
            long[] open = new long[length];
            long[] close = new long[length];
            long[] before = new long[length];
            long worked = 0;
            for (int i = 0; i < length; i++) {
                LocalDate date = first.plusDays(i);
                long midnightAfter = Timetable.nanos(date.plusDays(1).atStartOfDay(zone).toInstant());
                ZonedDateTime opening = null;
                ZonedDateTime closing = null;
                CalendarDay rule = calendar.days().get(date);
                if (rule != null && rule.kind() == CalendarDay.Kind.REDUCED_HOURS) {
                    opening = ZonedDateTime.of(date, rule.opens(), zone);
                    closing = ZonedDateTime.of(date, rule.closes(), zone);
                } else if (rule != null ? rule.kind() == CalendarDay.Kind.WORKING_DAY : hours.days().contains(date.getDayOfWeek())) {
                    opening = ZonedDateTime.of(date, hours.opens(), zone);
                    closing = opening.plus(hours.openFor());
                }
                if (opening == null) {
                    open[i] = midnightAfter;
                    close[i] = midnightAfter;
                } else {
                    open[i] = Timetable.nanos(opening.toInstant());
                    // A day shortened by a clock change must not reach into the next day's opening.
                    close[i] = Math.min(Timetable.nanos(closing.toInstant()), midnightAfter);
                }
                before[i] = worked;
                worked += close[i] - open[i];
            }
            return new YearTable(open, close, before, worked);
        }

        /** Working time of this year before {@code nanos}, an instant on one of its days. */
        long workedBefore(long nanos) {
            int index = indexOf(nanos);
            if (index < 0) {
                return 0;
            }
            return before[index] + Math.max(0, Math.min(nanos, close[index]) - open[index]);
        }

        /** The instant at which {@code target} of this year's working time has passed (0 < target ≤ total). */
        long at(long target) {
            int low = 0;
            int high = open.length - 1;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (before[mid] + close[mid] - open[mid] >= target) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            return open[low] + (target - before[low]);
        }

        boolean isWorkingDay(int index) {
            return close[index] > open[index];
        }

        long close(int index) {
            return close[index];
        }

        boolean isWithinOpening(long nanos) {
            int low = 0;
            int high = open.length - 1;
            int last = -1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (open[mid] < nanos) {
                    last = mid;
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            return last >= 0 && nanos <= close[last] && close[last] > open[last];
        }

        /** The last day whose opening starts at or before {@code nanos} bounds it; -1 before the year. */
        private int indexOf(long nanos) {
            int low = 0;
            int high = open.length - 1;
            int found = -1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (dayStart(mid) <= nanos) {
                    found = mid;
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            return found;
        }

        private long dayStart(int index) {
            return index == 0 ? Long.MIN_VALUE : close[index - 1];
        }
    }

    private static DayOfWeek day(String abbreviation, String text) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(abbreviation)) {
                return d;
            }
        }
        throw new InvalidHours(Message.of("errors.hours.day", text, abbreviation));
    }

    private static int minute(String hours, String minutes, String text) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (h > 24 || m > 59 || (h == 24 && m > 0)) {
            throw new InvalidHours(Message.of("errors.hours.time", text, hours + ":" + minutes));
        }
        return h * 60 + m;
    }
}
