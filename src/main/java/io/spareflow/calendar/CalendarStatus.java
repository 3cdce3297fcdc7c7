package io.spareflow.calendar;

import java.util.List;

/** Which years of a country's calendar are loaded, for the countries of the service network. */
public record CalendarStatus(String country, List<String> locations, List<Integer> loadedYears, List<Integer> missingYears) {

    public boolean complete() {
        return missingYears.isEmpty();
    }
}
