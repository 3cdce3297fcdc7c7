package io.spareflow.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final BusinessHours OFFICE = BusinessHours.parse("MON-FRI 08:30-17:30");

    private static Instant at(String localDateTime, ZoneId zone) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), zone).toInstant();
    }

    @Test
    void withinTheSameDay() {
        assertThat(OFFICE.plusWorkingMinutes(at("2026-11-24T09:00", SHANGHAI), 60, SHANGHAI))
                .isEqualTo(at("2026-11-24T10:00", SHANGHAI));
    }

    @Test
    void carriesOverNightAndWeekend() {
        // Friday 17:00 + 60 working minutes: 30 on Friday, 30 on Monday from 08:30.
        assertThat(OFFICE.plusWorkingMinutes(at("2026-11-27T17:00", SHANGHAI), 60, SHANGHAI))
                .isEqualTo(at("2026-11-30T09:00", SHANGHAI));
    }

    @Test
    void startingBeforeOpeningCountsFromOpening() {
        assertThat(OFFICE.plusWorkingMinutes(at("2026-11-24T06:00", SHANGHAI), 15, SHANGHAI))
                .isEqualTo(at("2026-11-24T08:45", SHANGHAI));
    }

    @Test
    void oneBusinessDayIsNineHours() {
        assertThat(OFFICE.plusWorkingMinutes(at("2026-11-24T10:00", SHANGHAI), 540, SHANGHAI))
                .isEqualTo(at("2026-11-25T10:00", SHANGHAI));
    }

    @Test
    void wrappingWeekOfTheMiddleEast() {
        ZoneId cairo = ZoneId.of("Africa/Cairo");
        BusinessHours egypt = BusinessHours.parse("SUN-THU 08:00-17:00");
        assertThat(egypt.days()).containsExactlyInAnyOrder(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
        // Thursday 16:00 + 2 h: 1 h on Thursday, then Sunday 08:00 + 1 h.
        assertThat(egypt.plusWorkingMinutes(at("2026-11-26T16:00", cairo), 120, cairo))
                .isEqualTo(at("2026-11-29T09:00", cairo));
    }

    @Test
    void alwaysOpenIsPlainTime() {
        Instant start = at("2026-11-28T23:50", SHANGHAI);
        assertThat(BusinessHours.ALWAYS.plusWorkingMinutes(start, 240, SHANGHAI)).isEqualTo(start.plusSeconds(240 * 60));
    }

    @Test
    void holidaysAreSkippedAndSwappedWeekendDaysWorked() {
        // Friday 2026-02-13 17:00 + 60 min: 30 min on Friday, the holiday week skipped... but Saturday the 14th is worked.
        WorkingCalendar springFestival = WorkingCalendar.of(java.util.Set.of(2026), java.util.List.of(
                CalendarDay.workingDay(java.time.LocalDate.of(2026, 2, 14), "swapped Saturday"),
                CalendarDay.closed(java.time.LocalDate.of(2026, 2, 16), "eve"),
                CalendarDay.closed(java.time.LocalDate.of(2026, 2, 17), "Spring Festival")));
        BusinessHours.Timetable office = OFFICE.timetable(SHANGHAI, springFestival);

        assertThat(office.plusWorkingMinutes(at("2026-02-13T17:00", SHANGHAI), 60)).isEqualTo(at("2026-02-14T09:00", SHANGHAI));
        // Saturday 17:00 + 60 min: 30 on Saturday, Sunday off, Monday and Tuesday closed, then Wednesday 08:30.
        assertThat(office.plusWorkingMinutes(at("2026-02-14T17:00", SHANGHAI), 60)).isEqualTo(at("2026-02-18T09:00", SHANGHAI));
        assertThat(office.workingTimeBetween(at("2026-02-13T17:00", SHANGHAI), at("2026-02-18T09:00", SHANGHAI)))
                .isEqualTo(java.time.Duration.ofMinutes(30 + 540 + 30));
        assertThat(office.endOfWorkingDays(at("2026-02-13T10:00", SHANGHAI), 2)).isEqualTo(at("2026-02-18T17:30", SHANGHAI));
    }

    @Test
    void reducedHoursReplaceTheDaysOpening() {
        WorkingCalendar newYearsEve = WorkingCalendar.of(java.util.Set.of(2026), java.util.List.of(new CalendarDay(
                java.time.LocalDate.of(2026, 12, 31), CalendarDay.Kind.REDUCED_HOURS, java.time.LocalTime.of(9, 0),
                java.time.LocalTime.of(12, 0), "New Year's Eve")));
        BusinessHours.Timetable office = OFFICE.timetable(SHANGHAI, newYearsEve);

        // Thursday 11:30 + 60 min: 30 min until noon, then Friday 2027-01-01 from 08:30.
        assertThat(office.plusWorkingMinutes(at("2026-12-31T11:30", SHANGHAI), 60)).isEqualTo(at("2027-01-01T09:00", SHANGHAI));
        assertThat(office.isWorkingAt(at("2026-12-31T13:00", SHANGHAI))).isFalse();
    }

    @Test
    void yearsWithoutACalendarAreNamed() {
        BusinessHours.Timetable office = OFFICE.timetable(SHANGHAI, WorkingCalendar.of(java.util.Set.of(2026), java.util.List.of()));

        assertThat(office.yearsWithoutCalendar(at("2026-12-30T10:00", SHANGHAI), at("2027-01-04T10:00", SHANGHAI)))
                .containsExactly(2027);
        assertThat(office.yearsWithoutCalendar(at("2026-03-02T10:00", SHANGHAI), at("2026-03-04T10:00", SHANGHAI))).isEmpty();
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> BusinessHours.parse("weekdays 9 to 5")).hasMessageContaining("MON-FRI 08:30-17:30");
        assertThatThrownBy(() -> BusinessHours.parse("MON-FRI 18:00-09:00")).hasMessageContaining("close before they open");
        assertThatThrownBy(() -> BusinessHours.parse("MON-XYZ 08:00-17:00")).hasMessageContaining("XYZ");
        assertThatThrownBy(() -> BusinessHours.parse("MON-FRI 25:00-26:00")).hasMessageContaining("25:00");
    }
}
