package io.spareflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Adding working time under any weekly hours, time zone (with and without clock changes) and any sequence of
 * holidays, reduced days and swapped working days: monotonic, never in a closed period, consistent with the working
 * time measured between two instants, and the same as a plain walk over the days.
 */
class BusinessHoursPropertiesTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("Africa/Cairo"),
            ZoneId.of("Europe/Berlin"), ZoneId.of("America/Santiago"), ZoneId.of("America/Guayaquil"), ZoneId.of("UTC"));

    /** A place: weekly hours, zone and calendar. */
    record Place(BusinessHours hours, ZoneId zone, WorkingCalendar calendar) {

        BusinessHours.Timetable timetable() {
            return hours.timetable(zone, calendar);
        }
    }

    @Property(tries = 300)
    void laterStartsAndMoreMinutesNeverEndEarlier(@ForAll("places") Place place, @ForAll("starts") Instant start,
                                                  @ForAll @LongRange(min = 0, max = 20_000) long minutes,
                                                  @ForAll @LongRange(min = 0, max = 5_000) long moreMinutes,
                                                  @ForAll @LongRange(min = 0, max = 7 * 24 * 60) long laterByMinutes) {
        BusinessHours.Timetable timetable = place.timetable();
        Instant end = timetable.plusWorkingMinutes(start, minutes);

        assertThat(timetable.plusWorkingMinutes(start, minutes + moreMinutes)).isAfterOrEqualTo(end);
        assertThat(timetable.plusWorkingMinutes(start.plus(Duration.ofMinutes(laterByMinutes)), minutes)).isAfterOrEqualTo(end);
        assertThat(end).isAfterOrEqualTo(start);
    }

    @Property(tries = 300)
    void neverLandsInAClosedPeriod(@ForAll("places") Place place, @ForAll("starts") Instant start,
                                   @ForAll @LongRange(min = 1, max = 20_000) long minutes) {
        BusinessHours.Timetable timetable = place.timetable();
        Instant end = timetable.plusWorkingMinutes(start, minutes);

        assertThat(timetable.isWorkingAt(end)).as("%s + %d min = %s", start, minutes, end).isTrue();
        LocalDate day = end.atZone(place.zone()).toLocalDate();
        place.calendar().day(day).ifPresent(rule -> assertThat(rule.kind()).isNotEqualTo(CalendarDay.Kind.CLOSED));
        assertThat(timetable.workingTimeBetween(start, end)).isEqualTo(Duration.ofMinutes(minutes));
    }

    @Property(tries = 200)
    void agreesWithAWalkOverTheDays(@ForAll("places") Place place, @ForAll("starts") Instant start,
                                    @ForAll @LongRange(min = 1, max = 20_000) long minutes) {
        assertThat(place.timetable().plusWorkingMinutes(start, minutes)).isEqualTo(walk(place, start, minutes));
    }

    @Property(tries = 200)
    void workingDaysEndAtTheCloseOfAWorkingDay(@ForAll("places") Place place, @ForAll("starts") Instant start,
                                               @ForAll @IntRange(min = 1, max = 40) int days) {
        BusinessHours.Timetable timetable = place.timetable();
        Instant end = timetable.endOfWorkingDays(start, days);

        assertThat(timetable.isWorkingAt(end)).isTrue();
        assertThat(end.atZone(place.zone()).toLocalDate()).isAfter(start.atZone(place.zone()).toLocalDate());
        assertThat(timetable.endOfWorkingDays(start, days + 1)).isAfter(end);
    }

    /** The reference: day by day from the start, each day's opening as the calendar gives it. */
    private static Instant walk(Place place, Instant start, long minutes) {
        Duration left = Duration.ofMinutes(minutes);
        for (LocalDate day = start.atZone(place.zone()).toLocalDate(); ; day = day.plusDays(1)) {
            Instant[] opening = opening(place, day);
            if (opening == null) {
                continue;
            }
            Instant from = start.isAfter(opening[0]) ? start : opening[0];
            if (!from.isBefore(opening[1])) {
                continue;
            }
            Duration available = Duration.between(from, opening[1]);
            if (available.compareTo(left) >= 0) {
                return from.plus(left);
            }
            left = left.minus(available);
        }
    }

    private static Instant[] opening(Place place, LocalDate day) {
        CalendarDay rule = place.calendar().days().get(day);
        ZonedDateTime open;
        ZonedDateTime close;
        if (rule != null && rule.kind() == CalendarDay.Kind.CLOSED) {
            return null;
        } else if (rule != null && rule.kind() == CalendarDay.Kind.REDUCED_HOURS) {
            open = ZonedDateTime.of(day, rule.opens(), place.zone());
            close = ZonedDateTime.of(day, rule.closes(), place.zone());
        } else if (rule != null || place.hours().days().contains(day.getDayOfWeek())) {
            open = ZonedDateTime.of(day, place.hours().opens(), place.zone());
            close = open.plus(place.hours().openFor());
        } else {
            return null;
        }
        Instant midnight = day.plusDays(1).atStartOfDay(place.zone()).toInstant();
        return new Instant[] {open.toInstant(), close.toInstant().isAfter(midnight) ? midnight : close.toInstant()};
    }

    @Provide
    Arbitrary<Place> places() {
        Arbitrary<Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(7)
                .map(set -> set.isEmpty() ? EnumSet.of(DayOfWeek.MONDAY) : EnumSet.copyOf(set));
        Arbitrary<Integer> opens = Arbitraries.integers().between(0, 20 * 4).map(q -> q * 15);
        // At least two hours a week, so that 20,000 minutes fit in the ten years the arithmetic looks ahead.
        Arbitrary<Integer> length = Arbitraries.integers().between(8, 24 * 4).map(q -> q * 15);
        Arbitrary<BusinessHours> hours = Combinators.combine(days, opens, length).as((d, o, l) ->
                new BusinessHours(d, LocalTime.ofSecondOfDay(o * 60L), Duration.ofMinutes(Math.min(l, 24 * 60 - o))));
        Arbitrary<List<CalendarDay>> rules = rule().list().ofMaxSize(120);
        Arbitrary<Set<Integer>> years = Arbitraries.of(Set.of(), Set.of(2026), Set.of(2026, 2027));
        return Combinators.combine(hours, Arbitraries.of(ZONES), rules, years)
                .as((h, z, r, y) -> new Place(h, z, WorkingCalendar.of(y, r)));
    }

    private Arbitrary<CalendarDay> rule() {
        Arbitrary<LocalDate> date = Arbitraries.integers().between(0, 2 * 365).map(FIRST::plusDays);
        Arbitrary<CalendarDay.Kind> kind = Arbitraries.of(CalendarDay.Kind.class);
        Arbitrary<Integer> from = Arbitraries.integers().between(0, 22 * 4).map(q -> q * 15);
        Arbitrary<Integer> span = Arbitraries.integers().between(1, 8 * 4).map(q -> q * 15);
        return Combinators.combine(date, kind, from, span).as((d, k, f, s) -> k == CalendarDay.Kind.REDUCED_HOURS
                ? new CalendarDay(d, k, LocalTime.ofSecondOfDay(f * 60L), LocalTime.ofSecondOfDay(Math.min(f + s, 24 * 60 - 1) * 60L), "reduced")
                : new CalendarDay(d, k, null, null, k.name()));
    }

    @Provide
    Arbitrary<Instant> starts() {
        return Arbitraries.longs().between(0, 730L * 24 * 60 * 60).map(s ->
                FIRST.atStartOfDay(ZoneId.of("UTC")).toInstant().plusSeconds(s).plusNanos(s % 7 * 1_000_000L));
    }
}
