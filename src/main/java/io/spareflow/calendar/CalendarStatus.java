package io.spareflow.calendar;

import java.util.List;

/**
 * Which years of a country's calendar are loaded, for the countries of the service network; {@code provisionalYears}
 * (among the loaded) hold standing rules only, awaiting the year's official announcement.
 */
public record CalendarStatus(String country, List<String> locations, List<Integer> loadedYears, List<Integer> missingYears,
                             List<Integer> provisionalYears) {

    public boolean complete() {
        return missingYears.isEmpty();
    }
}
