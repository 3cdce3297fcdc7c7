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
     * Countries of the demo network with no 2026 calendar loaded: none. Nepal's and Cambodia's 2026 are provisional
     * (holiday tables, their official lists not read); a country added to the network without a file must be listed
     * here, and adding its file removes it again.
     */
    static final Set<String> UNSOURCED_2026 = Set.of();

    /**
     * As {@link #UNSOURCED_2026} for 2027: Myanmar's and Cambodia's lists are set each year by the government (no
     * standing rule to load a stand-in from), and their 2027 lists are not out.
     */
    static final Set<String> UNSOURCED_2027 = Set.of("NP", "KH", "MM");

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
    void everyNetworkCountryHas2027LoadedExceptTheUnsourcedOnes() throws IOException {
        Set<String> seeded = seededNetworkCountries();
        List<CalendarStatus> network = calendars.network(List.of(2027)).stream().filter(s -> seeded.contains(s.country())).toList();

        assertThat(network).filteredOn(s -> !s.complete()).extracting(CalendarStatus::country)
                .containsExactlyInAnyOrderElementsOf(UNSOURCED_2027);
        // Where the year's calendar is set by an announcement not out yet, the year is a flagged stand-in.
        assertThat(network).filteredOn(s -> !s.provisionalYears().isEmpty()).extracting(CalendarStatus::country)
                .containsExactlyInAnyOrder("CN", "ID", "PK", "KE", "EC", "VN", "TH", "PH");
    }

    @Test
    void cambodia2026IsAProvisionalYearWithItsLunarFestivalsAndNoSwappedDays() {
        CalendarYear cambodia = calendars.year("KH", 2026, null);

        assertThat(cambodia.provisional()).isTrue();
        assertThat(cambodia.source()).contains("sub-decree").contains("Prakas No. 216/25");
        assertThat(cambodia.days()).allSatisfy(d -> assertThat(d.kind()).isEqualTo(CalendarDay.Kind.CLOSED));
        assertThat(cambodia.days()).filteredOn(d -> d.name().startsWith("Khmer New Year")).extracting(CalendarDay::date)
                .containsExactly(LocalDate.of(2026, 4, 14), LocalDate.of(2026, 4, 15), LocalDate.of(2026, 4, 16));
        assertThat(cambodia.days()).filteredOn(d -> d.name().equals("Pchum Ben")).extracting(CalendarDay::date)
                .containsExactly(LocalDate.of(2026, 10, 10), LocalDate.of(2026, 10, 11), LocalDate.of(2026, 10, 12));
        assertThat(cambodia.days()).filteredOn(d -> d.name().startsWith("Water Festival")).extracting(CalendarDay::date)
                .containsExactly(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 25));
    }

    @Test
    void nepal2026IsAProvisionalYearWithDashainAndTiharAndWithoutTheTeraiOnlyDay() {
        CalendarYear nepal = calendars.year("NP", 2026, null);

        assertThat(nepal.provisional()).isTrue();
        assertThat(nepal.source()).contains("Ministry of Home Affairs").contains("vacanza/holidays");
        assertThat(nepal.days()).extracting(CalendarDay::date).contains(LocalDate.of(2026, 4, 14), LocalDate.of(2026, 9, 19),
                LocalDate.of(2026, 10, 20), LocalDate.of(2026, 11, 11)).doesNotContain(LocalDate.of(2026, 3, 3));
        assertThat(nepal.days()).filteredOn(d -> d.name().startsWith("Eid")).hasSize(2)
                .allSatisfy(d -> assertThat(d.name()).contains("estimated"));
        assertThat(nepal.days()).noneMatch(d -> d.kind() == CalendarDay.Kind.WORKING_DAY);
    }

    @Test
    void generatedYearsNameTheirLibraryAndMarkEstimatedIslamicDates() {
        CalendarYear kuwait = calendars.year("KW", 2026, null);
        assertThat(kuwait.source()).contains("Jollyday 2.19.0").contains("Civil Service Bureau");
        assertThat(kuwait.provisional()).isFalse();
        assertThat(kuwait.days()).filteredOn(d -> d.date().equals(LocalDate.of(2026, 2, 25))).singleElement()
                .extracting(CalendarDay::name).isEqualTo("National Day");
        assertThat(kuwait.days()).filteredOn(d -> d.name().startsWith("Eid ul-Fitr")).allSatisfy(d ->
                assertThat(d.name()).contains("Islamic calendar: estimated"));

        CalendarYear malaysia = calendars.year("MY", 2027, null);
        assertThat(malaysia.source()).contains("date-holidays").contains("Holidays Act 1951");
        assertThat(malaysia.days()).extracting(CalendarDay::date).contains(LocalDate.of(2027, 8, 31), LocalDate.of(2027, 9, 16));

        CalendarYear myanmar = calendars.year("MM", 2026, null);
        assertThat(myanmar.source()).contains("Union Government");
        assertThat(myanmar.days()).filteredOn(d -> d.kind() == CalendarDay.Kind.WORKING_DAY).extracting(CalendarDay::date)
                .containsExactly(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 2, 21));
        // An official 2026 announcement wins over the generated year of the same country.
        assertThat(calendars.year("ID", 2026, null).source()).contains("SKB 3 Menteri").doesNotContain("date-holidays");
        assertThat(calendars.year("ID", 2027, null).source()).contains("date-holidays");
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
