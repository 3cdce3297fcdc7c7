package io.spareflow.calendar;

import io.spareflow.common.CalendarDay;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** A year's calendar as an administrator sends it: where it comes from and every day that departs from the week. */
public record CalendarUpdate(String source, List<Day> days) {

    /** A holiday, a day of reduced hours ({@code opens}–{@code closes}) or an extra working day. */
    public record Day(LocalDate date, CalendarDay.Kind kind, LocalTime opens, LocalTime closes, String name) {
    }
}
