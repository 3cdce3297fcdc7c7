package io.spareflow.calendar.internal;

import io.spareflow.common.CalendarDay;
import io.spareflow.common.Csv;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.Locations;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the calendars that are not stored yet, in every profile, after the location network: each official year in
 * {@code data/calendars/} (its source in {@code sources.csv}), and for the other countries of the network every year
 * from {@link #FIRST_YEAR} to the next from the holiday library where it covers them. A country with official data is never filled from the
 * library (its rules miss swapped days and moved holidays): a year without an announcement stays not loaded, and is
 * flagged. Stored years, edited or not, are left as they are.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CalendarSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CalendarSeeder.class);
    static final String ACTOR = "system";
    /** The first year of the seeded calendars: that of the first official announcement loaded. */
    static final int FIRST_YEAR = 2026;

    private final CalendarStore store;
    private final HolidayLibrary library;
    private final Locations locations;
    private final Clock clock;

    CalendarSeeder(CalendarStore store, HolidayLibrary library, Locations locations, Clock clock) {
        this.store = store;
        this.library = library;
        this.locations = locations;
        this.clock = clock;
    }

    /** An official year: its source and days. */
    record OfficialYear(String country, int year, String source, List<CalendarDay> days) {
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        Instant now = clock.instant();
        Map<String, List<OfficialYear>> official = officialYears();
        int loaded = 0;
        for (List<OfficialYear> years : official.values()) {
            for (OfficialYear y : years) {
                loaded += seed(y.country(), y.year(), y.source(), y.days(), now);
            }
        }
        int thisYear = now.atZone(ZoneOffset.UTC).getYear();
        Set<String> countries = locations.all().stream().map(LocationInfo::country).collect(Collectors.toCollection(TreeSet::new));
        for (String country : countries) {
            if (official.containsKey(country)) {
                continue;
            }
            for (int year = FIRST_YEAR; year <= thisYear + 1; year++) {
                int y = year;
                loaded += library.holidays(country, year)
                        .map(days -> seed(country, y, HolidayLibrary.SOURCE + country + " " + y, days, now)).orElse(0);
            }
        }
        if (loaded > 0) {
            log.info("Loaded {} working-calendar years", loaded);
        }
    }

    private int seed(String country, int year, String source, List<CalendarDay> days, Instant now) {
        if (store.find(country, null, year).isPresent()) {
            return 0;
        }
        store.replace(country, null, year, source, days, ACTOR, now);
        store.recordChange(country, null, year, ACTOR, now, source, 0, days.size(), "seeded");
        return 1;
    }

    /** The official years in the data folder, by country. */
    static Map<String, List<OfficialYear>> officialYears() throws IOException {
        Map<String, List<OfficialYear>> byCountry = new LinkedHashMap<>();
        for (Csv.Row row : read("sources.csv")) {
            String country = row.get("country");
            int year = Integer.parseInt(row.get("year"));
            List<CalendarDay> days = read(country + ".csv").stream().map(CalendarSeeder::day)
                    .filter(d -> d.date().getYear() == year).toList();
            byCountry.computeIfAbsent(country, c -> new java.util.ArrayList<>())
                    .add(new OfficialYear(country, year, row.get("source"), days));
        }
        return byCountry;
    }

    private static List<Csv.Row> read(String file) throws IOException {
        try (InputStream in = new ClassPathResource("data/calendars/" + file).getInputStream()) {
            return Csv.read(in);
        }
    }

    private static CalendarDay day(Csv.Row row) {
        String opens = row.optional("opens");
        String closes = row.optional("closes");
        return new CalendarDay(LocalDate.parse(row.get("date")), CalendarDay.Kind.valueOf(row.get("kind")),
                opens == null ? null : LocalTime.parse(opens), closes == null ? null : LocalTime.parse(closes),
                row.get("name"));
    }
}
