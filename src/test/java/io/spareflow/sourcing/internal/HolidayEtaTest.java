package io.spareflow.sourcing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.calendar.CalendarUpdate;
import io.spareflow.calendar.WorkingCalendars;
import io.spareflow.common.CalendarDay;
import io.spareflow.tier.TierCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A depot closed on a public holiday does not ship: its ETAs for business-hours tiers start after the holiday. */
@SpareflowIntegrationTest
class HolidayEtaTest {

    private static final ZoneId CHENGDU = ZoneId.of("Asia/Shanghai");
    private static final ZoneId QUITO = ZoneId.of("America/Guayaquil");

    @Autowired
    DepotDirectory depots;

    @Autowired
    WorkingCalendars calendars;

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    @Test
    void aDepotOnSpringFestivalShipsWhenItReopens() {
        Instant eve = at("2026-02-16T10:00", CHENGDU);

        assertThat(EtaModel.after(eve, 120, TierCalendar.BUSINESS_HOURS, depots.require("CTU")))
                .isEqualTo(at("2026-02-24T10:30", CHENGDU));
        assertThat(EtaModel.after(eve, 120, TierCalendar.ALWAYS, depots.require("CTU"))).isEqualTo(eve.plus(Duration.ofHours(2)));
    }

    @Test
    void aDepotInQuitoIsClosedOverCarnival() {
        // Carnival Monday and Tuesday, 16-17 February 2026.
        assertThat(EtaModel.after(at("2026-02-16T09:00", QUITO), 60, TierCalendar.BUSINESS_HOURS, depots.require("UIO")))
                .isEqualTo(at("2026-02-18T09:00", QUITO));
    }

    @Test
    void aHolidayAddedForADepotCountsForTheNextQuote() {
        Instant monday = at("2033-03-07T09:00", QUITO);
        assertThat(EtaModel.after(monday, 60, TierCalendar.BUSINESS_HOURS, depots.require("GYE")))
                .isEqualTo(at("2033-03-07T10:00", QUITO));

        calendars.replace("EC", 2033, "GYE", new CalendarUpdate("Ordenanza municipal (test)", List.of(
                new CalendarUpdate.Day(LocalDate.of(2033, 3, 7), CalendarDay.Kind.CLOSED, null, null, "Fiesta local"))), "admin");

        assertThat(EtaModel.after(monday, 60, TierCalendar.BUSINESS_HOURS, depots.require("GYE")))
                .isEqualTo(at("2033-03-08T09:00", QUITO));
        assertThat(EtaModel.after(monday, 60, TierCalendar.BUSINESS_HOURS, depots.require("UIO")))
                .as("the country's other depots keep their hours").isEqualTo(at("2033-03-07T10:00", QUITO));
    }
}
