package io.spareflow.common;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The holidays and extra working days of a place, and the years for which they are known. In a year that is not
 * loaded only the weekly hours count, and {@link BusinessHours.Timetable#yearsWithoutCalendar} says so.
 */
public record WorkingCalendar(Set<Integer> loadedYears, Map<LocalDate, CalendarDay> days) {

    /** No calendar at all: the weekly hours alone, every year flagged as not loaded. */
    public static final WorkingCalendar NONE = new WorkingCalendar(Set.of(), Map.of());

    public WorkingCalendar {
        loadedYears = Set.copyOf(loadedYears);
        days = Map.copyOf(days);
    }

    public static WorkingCalendar of(Set<Integer> loadedYears, Collection<CalendarDay> days) {
        return new WorkingCalendar(loadedYears, days.stream()
                .collect(Collectors.toMap(CalendarDay::date, Function.identity(), (a, b) -> b)));
    }

    public Optional<CalendarDay> day(LocalDate date) {
        return Optional.ofNullable(days.get(date));
    }

    public boolean isLoaded(int year) {
        return loadedYears.contains(year);
    }
}
