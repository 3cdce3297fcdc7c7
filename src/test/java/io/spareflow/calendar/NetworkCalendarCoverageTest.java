package io.spareflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.common.CalendarDay;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SpareflowIntegrationTest
class NetworkCalendarCoverageTest {

    /**
     * Countries of the demo network with neither a holiday-library calendar nor an official 2026 announcement we could
     * source: they stay unseeded and flagged on the admin page. Adding a country's file must remove it from here.
     */
    static final Set<String> UNSOURCED_2026 = Set.of("DZ", "TN", "GH", "SN", "CI", "TZ", "UG", "AO", "SD", "KW", "QA",
            "OM", "IR", "BD", "LK", "NP", "MY", "MM", "KH", "UZ");

    @Autowired
    WorkingCalendars calendars;

    @Test
    void everyNetworkCountryHas2026LoadedExceptTheUnsourcedOnes() throws IOException {
        // The seeded network only: other tests add locations of their own (in countries such as PN).
        Set<String> seeded = seededNetworkCountries();
        List<String> missing = calendars.network(List.of(2026)).stream().filter(s -> !s.complete())
                .map(CalendarStatus::country).filter(seeded::contains).toList();

        assertThat(missing).containsExactlyInAnyOrderElementsOf(UNSOURCED_2026);
    }

    @Test
    void officialFilesAreSeededWithTheirCitationAndSwappedWorkingDays() {
        CalendarYear vietnam = calendars.year("VN", 2026, null);

        assertThat(vietnam.source()).contains("Bộ Nội vụ").doesNotContain("Jollyday");
        assertThat(vietnam.days()).filteredOn(d -> d.kind() == CalendarDay.Kind.WORKING_DAY).extracting(CalendarDay::date)
                .containsExactly(LocalDate.of(2026, 8, 22));
        assertThat(vietnam.days()).filteredOn(d -> d.kind() == CalendarDay.Kind.CLOSED).extracting(CalendarDay::date)
                .contains(LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 20), LocalDate.of(2026, 8, 31));
        assertThat(calendars.year("TH", 2026, null).source()).contains("Cabinet");
        assertThat(calendars.year("PH", 2026, null).source()).contains("Proclamation No. 1006");
    }

    private static Set<String> seededNetworkCountries() throws IOException {
        try (InputStream in = NetworkCalendarCoverageTest.class.getResourceAsStream("/data/locations.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.split(",")[4]).collect(Collectors.toSet());
        }
    }
}
