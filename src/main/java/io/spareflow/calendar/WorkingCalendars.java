package io.spareflow.calendar;

import io.spareflow.audit.Audit;
import io.spareflow.audit.AuditedEntity;
import io.spareflow.calendar.internal.AuditedCalendarYear;
import io.spareflow.calendar.internal.CalendarStore;
import io.spareflow.common.BusinessHours;
import io.spareflow.common.CalendarDay;
import io.spareflow.common.InvalidInputException;
import io.spareflow.common.WorkingCalendar;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.Locations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The working calendars: each location's {@link BusinessHours.Timetable} (its weekly hours under its country's
 * calendar and its own days), and reading and replacing a year of a calendar. Timetables are kept; a change made here
 * takes effect on this node once committed (those who keep timetables compare {@link #version()}) and within
 * {@link #MAX_AGE} on the others. Due dates already computed (open
 * cases) are stored and do not move when a calendar changes.
 */
@Service
@Transactional(readOnly = true)
public class WorkingCalendars {

    static final Duration MAX_AGE = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(WorkingCalendars.class);

    private final CalendarStore store;
    private final Audit audit;
    private final Locations locations;
    private final MessageSource messages;
    private final Clock clock;
    private final AtomicLong version = new AtomicLong();
    private volatile Snapshot snapshot;

    /** A timetable as built, with the location it was built for: a changed location rebuilds it. */
    private record Kept(LocationInfo location, BusinessHours.Timetable timetable) {
    }

    /** Every calendar as read at one time, and the timetables built from it. */
    private record Snapshot(long version, CalendarStore.Everything calendars, Instant readAt,
                            ConcurrentMap<String, Kept> timetables) {

        WorkingCalendar calendarOf(LocationInfo location) {
            Map<LocalDate, CalendarDay> days = new TreeMap<>();
            calendars.countryDays().getOrDefault(location.country(), List.of()).forEach(d -> days.put(d.date(), d));
            calendars.locationDays().getOrDefault(location.code(), List.of()).forEach(d -> days.put(d.date(), d));
            return new WorkingCalendar(calendars.loadedYears().getOrDefault(location.country(), Set.of()), days);
        }
    }

    WorkingCalendars(CalendarStore store, Audit audit, Locations locations, MessageSource messages, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.locations = locations;
        this.messages = messages;
        this.clock = clock;
    }

    /** The location's working time: weekly hours, time zone, its country's holidays and extra days, its own days. */
    public BusinessHours.Timetable timetable(LocationInfo location) {
        Snapshot current = snapshot();
        Kept kept = current.timetables().get(location.code());
        if (kept == null || !kept.location().equals(location)) {
            kept = new Kept(location, location.hours().timetable(location.zone(), current.calendarOf(location)));
            current.timetables().put(location.code(), kept);
        }
        return kept.timetable();
    }

    /**
     * Changes with every calendar change committed on this node: who keeps timetables compares it to know when theirs
     * are out of date.
     */
    public long version() {
        return version.get();
    }

    /** {@link #timetable(LocationInfo)} of the location with that code. */
    public BusinessHours.Timetable timetable(String locationCode) {
        return timetable(locations.require(locationCode));
    }

    /**
     * The instant {@code minutes} of the location's working time after {@code start}. Counted in weekly hours alone
     * through a year whose calendar is not loaded, with a warning in the log naming it.
     */
    public Instant plusWorkingMinutes(LocationInfo location, Instant start, long minutes) {
        BusinessHours.Timetable timetable = timetable(location);
        Instant end = timetable.plusWorkingMinutes(start, minutes);
        warnIfNotLoaded(location, timetable, start, end);
        return end;
    }

    /** The close of the {@code days}-th working day at the location after the day of {@code start}. */
    public Instant endOfWorkingDays(LocationInfo location, Instant start, int days) {
        BusinessHours.Timetable timetable = timetable(location);
        Instant end = timetable.endOfWorkingDays(start, days);
        warnIfNotLoaded(location, timetable, start, end);
        return end;
    }

    /**
     * The years between {@code start} and {@code end} for which the location's country has no calendar loaded: time
     * counted through them followed the weekly hours alone, without public holidays.
     */
    public Set<Integer> yearsNotLoaded(LocationInfo location, Instant start, Instant end) {
        return timetable(location).yearsWithoutCalendar(start, end);
    }

    /** One year of a country's calendar ({@code location} null) or of a location's own days. */
    public CalendarYear year(String country, int year, String location) {
        Target target = target(country, year, location);
        return store.find(target.country(), target.location(), year).orElseGet(() ->
                new CalendarYear(target.country(), target.location(), year, false, false, null, null, null, List.of()));
    }

    /**
     * Replaces one year of a calendar and records the change in the audit trail (who, when, source and every day
     * before and after). Cases already
     * open keep their due dates; limits computed from now on use the new days. A year an administrator sends is no
     * longer provisional.
     */
    @Transactional
    public CalendarYear replace(String country, int year, String location, CalendarUpdate update, String actor) {
        Target target = target(country, year, location);
        List<CalendarDay> days = validDays(year, update);
        Instant now = clock.instant();
        AuditedCalendarYear before = store.find(target.country(), target.location(), year).map(AuditedCalendarYear::of)
                .orElse(null);
        store.replace(target.country(), target.location(), year, update.source().trim(), false, days, actor, now);
        audit.record(AuditedEntity.CALENDAR, AuditedCalendarYear.id(target.country(), target.location(), year), before,
                new AuditedCalendarYear(update.source().trim(), false, days));
        // Timetables read before the change is committed are out of date; those read after it are not.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                version.incrementAndGet();
            }
        });
        return year(target.country(), year, target.location());
    }

    /** For each country of the network (and its locations), which of {@code years} are loaded and which are not. */
    public List<CalendarStatus> network(List<Integer> years) {
        Map<String, List<String>> byCountry = locations.all().stream().collect(Collectors.groupingBy(LocationInfo::country,
                TreeMap::new, Collectors.mapping(LocationInfo::code, Collectors.toList())));
        List<CalendarStatus> status = new ArrayList<>();
        byCountry.forEach((country, codes) -> {
            Map<Integer, Boolean> loaded = store.loadedYears(country);
            status.add(new CalendarStatus(country, codes, years.stream().filter(loaded::containsKey).toList(),
                    years.stream().filter(y -> !loaded.containsKey(y)).toList(),
                    years.stream().filter(y -> loaded.getOrDefault(y, false)).toList()));
        });
        return status;
    }

    private Snapshot snapshot() {
        Instant now = clock.instant();
        Snapshot current = snapshot;
        long seen = version.get();
        if (current == null || current.version() != seen || current.readAt().plus(MAX_AGE).isBefore(now)) {
            current = new Snapshot(seen, store.everything(), now, new ConcurrentHashMap<>());
            snapshot = current;
        }
        return current;
    }

    private void warnIfNotLoaded(LocationInfo location, BusinessHours.Timetable timetable, Instant start, Instant end) {
        Set<Integer> missing = timetable.yearsWithoutCalendar(start, end);
        if (!missing.isEmpty()) {
            log.warn("Working calendar of {} for {} not loaded: {} to {} counted in weekly hours only at {}",
                    location.country(), missing, start, end, location.code());
        }
    }

    private record Target(String country, String location) {
    }

    private Target target(String country, int year, String location) {
        Map<String, String> errors = new LinkedHashMap<>();
        String code = country == null ? "" : country.trim().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}")) {
            errors.put("country", text("calendar.error.country", country));
        }
        if (year < 2000 || year > 2100) {
            errors.put("year", text("calendar.error.year", year));
        }
        String place = location == null || location.isBlank() ? null : location.trim().toUpperCase(Locale.ROOT);
        if (place != null && errors.isEmpty()
                && locations.find(place).filter(l -> l.country().equals(code)).isEmpty()) {
            errors.put("location", text("calendar.error.location", location, code));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.values().iterator().next(), errors);
        }
        return new Target(code, place);
    }

    private List<CalendarDay> validDays(int year, CalendarUpdate update) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (update == null || update.source() == null || update.source().isBlank() || update.source().trim().length() > 1000) {
            errors.put("source", text("calendar.error.source"));
        }
        if (update == null || update.days() == null) {
            errors.put("days", text("calendar.error.days"));
            throw new InvalidInputException(errors.values().iterator().next(), errors);
        }
        List<CalendarDay> days = new ArrayList<>();
        Set<LocalDate> seen = new TreeSet<>();
        for (int i = 0; i < update.days().size(); i++) {
            CalendarUpdate.Day day = update.days().get(i);
            String field = "days[" + i + "]";
            if (day == null || day.date() == null || day.date().getYear() != year) {
                errors.put(field + ".date", text("calendar.error.date", i + 1, year));
                continue;
            }
            if (!seen.add(day.date())) {
                errors.put(field + ".date", text("calendar.error.duplicate", i + 1, day.date()));
            }
            if (day.kind() == null) {
                errors.put(field + ".kind", text("calendar.error.kind", i + 1));
                continue;
            }
            boolean reduced = day.kind() == CalendarDay.Kind.REDUCED_HOURS;
            boolean hoursGiven = day.opens() != null && day.closes() != null;
            if (reduced != hoursGiven || (!reduced && (day.opens() != null || day.closes() != null))
                    || (hoursGiven && !day.opens().isBefore(day.closes()))) {
                errors.put(field + ".opens", text("calendar.error.hours", i + 1));
                continue;
            }
            if (day.name() == null || day.name().isBlank() || day.name().trim().length() > 200) {
                errors.put(field + ".name", text("calendar.error.name", i + 1));
                continue;
            }
            days.add(new CalendarDay(day.date(), day.kind(), day.opens(), day.closes(), day.name().trim()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(text("calendar.error.invalid", errors.size(), errors.values().iterator().next()), errors);
        }
        days.sort(Comparator.comparing(CalendarDay::date));
        return days;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
