package io.spareflow.calendar;

/** A year of a working calendar was replaced: timetables built from it are out of date. */
public record CalendarChanged(String country, String location, int year) {
}
