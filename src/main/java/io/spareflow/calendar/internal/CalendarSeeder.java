package io.spareflow.calendar.internal;

import io.spareflow.audit.Audit;
import io.spareflow.audit.AuditedEntity;
import io.spareflow.calendar.CalendarYear;
import io.spareflow.common.CalendarDay;
import io.spareflow.common.Csv;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.Locations;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
 * Loads the calendars that are not stored yet, in every profile, after the location network: each year listed in
 * {@code data/calendars/sources.csv} (official announcements, written by hand, file {@code XX.csv}) and in
 * {@code data/calendars/generated/generated.csv} (years generated at build time from kept holiday libraries by
 * {@code tools/calendars/generate.sh}, file {@code generated/XX.csv}), an announcement winning over a generated year;
 * and for the other countries of the network every year from {@link #FIRST_YEAR} to the next from the holiday library
 * where it covers them. A country with files is never filled from the library (its rules miss swapped days and moved
 * holidays): a year in no file stays not loaded, and is flagged. Stored years, edited or not, are left as they are,
 * except a provisional year the seeder stored itself, which a file's year that is not provisional replaces.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CalendarSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CalendarSeeder.class);
    static final String ACTOR = "system";
    /** The first year of the seeded calendars: that of the first official announcement loaded. */
    static final int FIRST_YEAR = 2026;
    private static final String FOLDER = "data/calendars/";

    private final CalendarStore store;
    private final Audit audit;
    private final HolidayLibrary library;
    private final Locations locations;
    private final Clock clock;

    CalendarSeeder(CalendarStore store, Audit audit, HolidayLibrary library, Locations locations, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.library = library;
        this.locations = locations;
        this.clock = clock;
    }

    /** A year from the data folder: its source, whether it is provisional, and its days. */
    record FileYear(String country, int year, boolean provisional, String source, List<CalendarDay> days) {
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        Instant now = clock.instant();
        Map<String, Map<Integer, FileYear>> files = fileYears();
        int loaded = 0;
        for (Map<Integer, FileYear> years : files.values()) {
            for (FileYear y : years.values()) {
                loaded += seed(y, now);
            }
        }
        int thisYear = now.atZone(ZoneOffset.UTC).getYear();
        Set<String> countries = locations.all().stream().map(LocationInfo::country).collect(Collectors.toCollection(TreeSet::new));
        for (String country : countries) {
            if (files.containsKey(country)) {
                continue;
            }
            for (int year = FIRST_YEAR; year <= thisYear + 1; year++) {
                int y = year;
                // the store first: the library's rules cost far more to evaluate than a look-up (docs/performance.md)
                Optional<CalendarYear> stored = store.find(country, null, year);
                if (!replaceable(stored, false)) {
                    continue;
                }
                loaded += library.holidays(country, year)
                        .map(days -> seed(new FileYear(country, y, false, HolidayLibrary.SOURCE + country + " " + y, days),
                                stored, now))
                        .orElse(0);
            }
        }
        if (loaded > 0) {
            log.info("Loaded {} working-calendar years", loaded);
        }
    }

    private int seed(FileYear y, Instant now) {
        return seed(y, store.find(y.country(), null, y.year()), now);
    }

    /** A year not stored yet, or a provisional one the seeder stored itself that a year not provisional replaces. */
    private static boolean replaceable(Optional<CalendarYear> stored, boolean provisional) {
        return stored.isEmpty() || stored.get().provisional() && ACTOR.equals(stored.get().updatedBy()) && !provisional;
    }

    private int seed(FileYear y, Optional<CalendarYear> stored, Instant now) {
        if (!replaceable(stored, y.provisional())) {
            return 0;
        }
        store.replace(y.country(), null, y.year(), y.source(), y.provisional(), y.days(), ACTOR, now);
        audit.record(AuditedEntity.CALENDAR, AuditedCalendarYear.id(y.country(), null, y.year()),
                stored.map(AuditedCalendarYear::of).orElse(null), new AuditedCalendarYear(y.source(), y.provisional(), y.days()));
        return 1;
    }

    /** The years in the data folder by country and year: an official announcement wins over a generated year. */
    static Map<String, Map<Integer, FileYear>> fileYears() throws IOException {
        Map<String, Map<Integer, FileYear>> byCountry = new TreeMap<>();
        for (String index : List.of("generated/generated.csv", "sources.csv")) {
            String folder = index.substring(0, index.lastIndexOf('/') + 1);
            for (Csv.Row row : read(index)) {
                String country = row.get("country");
                int year = Integer.parseInt(row.get("year"));
                List<CalendarDay> days = read(folder + country + ".csv").stream().map(CalendarSeeder::day)
                        .filter(d -> d.date().getYear() == year).toList();
                byCountry.computeIfAbsent(country, c -> new TreeMap<>()).put(year, new FileYear(country, year,
                        Boolean.parseBoolean(row.get("provisional")), row.get("source"), days));
            }
        }
        return byCountry;
    }

    /** A CSV file of the data folder; lines starting with {@code #} are its header of comments (source, licence). */
    private static List<Csv.Row> read(String file) throws IOException {
        try (InputStream in = new ClassPathResource(FOLDER + file).getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n"));
            return Csv.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
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
