package io.spareflow.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.calendar.CalendarYear;
import io.spareflow.calendar.WorkingCalendars;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A start-up over stored calendars: provisional years the seeder stored give way to final files, nothing else does. */
@SpareflowIntegrationTest
class CalendarSeederTest {

    @Autowired
    CalendarSeeder seeder;

    @Autowired
    WorkingCalendars calendars;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aProvisionalYearTheSeederStoredIsReplacedByAFinalFileAndAnEditedOneIsKept() throws Exception {
        // Sri Lanka 2026 as if an earlier release had seeded it provisionally with one day.
        long seeded = yearId("LK", 2026);
        int days = calendars.year("LK", 2026, null).days().size();
        jdbc.update("update calendar_year set provisional = true, source = 'stand-in' where id = ?", seeded);
        jdbc.update("delete from calendar_day where calendar_year_id = ? and day <> '2026-01-01'", seeded);
        // Uzbekistan 2026 provisional too, but edited by an administrator since.
        long edited = yearId("UZ", 2026);
        String source = calendars.year("UZ", 2026, null).source();
        jdbc.update("update calendar_year set provisional = true, source = 'edited by hand', updated_by = 'admin' where id = ?", edited);

        seeder.run(null);

        CalendarYear sriLanka = calendars.year("LK", 2026, null);
        assertThat(sriLanka.provisional()).isFalse();
        assertThat(sriLanka.source()).contains("date-holidays");
        assertThat(sriLanka.days()).hasSize(days);
        assertThat(jdbc.queryForList("""
                select action, actor, before_value ->> 'source' as before from audit_entry
                where entity = 'CALENDAR' and entity_id = 'LK 2026' order by id desc limit 1""").get(0))
                .isEqualTo(Map.of("action", "UPDATE", "actor", "system", "before", "stand-in"));
        assertThat(calendars.year("UZ", 2026, null).source()).isEqualTo("edited by hand");
        // China 2027 stays provisional: its file is.
        assertThat(calendars.year("CN", 2027, null).provisional()).isTrue();

        jdbc.update("update calendar_year set provisional = false, source = ?, updated_by = 'system' where id = ?", source, edited);
    }

    private long yearId(String country, int year) {
        return jdbc.queryForObject("select id from calendar_year where country = ? and year = ? and location_code is null",
                Long.class, country, year);
    }
}
