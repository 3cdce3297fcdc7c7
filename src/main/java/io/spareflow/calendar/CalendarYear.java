package io.spareflow.calendar;

import io.spareflow.common.CalendarDay;
import java.time.Instant;
import java.util.List;

/**
 * One year of a working calendar: a country's ({@code location} null) or a location's own days, which override its
 * country's. {@code loaded} is false when nothing is stored for that year: then only the weekly hours count.
 * {@code provisional} is true for a year seeded from standing rules before its official announcement (China's
 * statutory holidays without the year's 调休): it counts, and is flagged until the announcement replaces it.
 */
public record CalendarYear(String country, String location, int year, boolean loaded, boolean provisional, String source,
                           Instant updatedAt, String updatedBy, List<CalendarDay> days) {
}
