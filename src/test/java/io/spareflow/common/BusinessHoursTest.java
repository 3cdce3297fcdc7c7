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
    void refusesNonsense() {
        assertThatThrownBy(() -> BusinessHours.parse("weekdays 9 to 5")).hasMessageContaining("MON-FRI 08:30-17:30");
        assertThatThrownBy(() -> BusinessHours.parse("MON-FRI 18:00-09:00")).hasMessageContaining("close before they open");
        assertThatThrownBy(() -> BusinessHours.parse("MON-XYZ 08:00-17:00")).hasMessageContaining("XYZ");
        assertThatThrownBy(() -> BusinessHours.parse("MON-FRI 25:00-26:00")).hasMessageContaining("25:00");
    }
}
