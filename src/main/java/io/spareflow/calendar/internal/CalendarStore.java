package io.spareflow.calendar.internal;

import io.spareflow.calendar.CalendarYear;
import io.spareflow.common.CalendarDay;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The calendar tables: a row per calendar and year, and its days (changes are in the audit trail). */
@Repository
public class CalendarStore {

    private final JdbcTemplate jdbc;

    CalendarStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored year of a country's calendar ({@code location} null) or of a location's own. */
    public Optional<CalendarYear> find(String country, String location, int year) {
        return jdbc.query("""
                        select id, source, provisional, updated_at, updated_by from calendar_year
                        where country = ? and year = ? and coalesce(location_code, '') = coalesce(?, '')""",
                (rs, i) -> new CalendarYear(country, location, year, true, rs.getBoolean("provisional"), rs.getString("source"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"), days(rs.getLong("id"))),
                country, year, location).stream().findFirst();
    }

    /** The years stored for a country's own calendar, each with whether it is provisional. */
    public Map<Integer, Boolean> loadedYears(String country) {
        Map<Integer, Boolean> years = new TreeMap<>();
        jdbc.query("select year, provisional from calendar_year where country = ? and location_code is null",
                rs -> { years.put(rs.getInt(1), rs.getBoolean(2)); }, country);
        return years;
    }

    /** Every stored calendar at once: loaded years per country, and the days of each country and location. */
    public Everything everything() {
        Map<String, Set<Integer>> years = new HashMap<>();
        jdbc.query("select country, year from calendar_year where location_code is null",
                rs -> { years.computeIfAbsent(rs.getString(1), c -> new TreeSet<>()).add(rs.getInt(2)); });
        Map<String, List<CalendarDay>> countryDays = new HashMap<>();
        Map<String, List<CalendarDay>> locationDays = new HashMap<>();
        jdbc.query("""
                        select y.country, y.location_code, d.day, d.kind, d.opens, d.closes, d.name from calendar_day d
                        join calendar_year y on y.id = d.calendar_year_id order by d.day""",
                rs -> {
                    String location = rs.getString("location_code");
                    (location == null ? countryDays.computeIfAbsent(rs.getString("country"), c -> new ArrayList<>())
                            : locationDays.computeIfAbsent(location, c -> new ArrayList<>())).add(day(rs));
                });
        return new Everything(years, countryDays, locationDays);
    }

    /** All calendars as {@link #everything()} reads them. */
    public record Everything(Map<String, Set<Integer>> loadedYears, Map<String, List<CalendarDay>> countryDays,
                             Map<String, List<CalendarDay>> locationDays) {
    }

    /** Replaces a year's days (creating the year), in the caller's transaction. */
    public void replace(String country, String location, int year, String source, boolean provisional,
                        Collection<CalendarDay> days, String actor, Instant at) {
        Long id = jdbc.query("""
                        select id from calendar_year
                        where country = ? and year = ? and coalesce(location_code, '') = coalesce(?, '') for update""",
                (rs, i) -> rs.getLong(1), country, year, location).stream().findFirst().orElse(null);
        if (id == null) {
            id = jdbc.queryForObject("""
                            insert into calendar_year (country, location_code, year, source, provisional, updated_at, updated_by)
                            values (?, ?, ?, ?, ?, ?, ?) returning id""",
                    Long.class, country, location, year, source, provisional, Timestamp.from(at), actor);
        } else {
            jdbc.update("update calendar_year set source = ?, provisional = ?, updated_at = ?, updated_by = ? where id = ?",
                    source, provisional, Timestamp.from(at), actor, id);
            jdbc.update("delete from calendar_day where calendar_year_id = ?", id);
        }
        long yearId = id;
        jdbc.batchUpdate("insert into calendar_day (calendar_year_id, day, kind, opens, closes, name) values (?, ?, ?, ?, ?, ?)",
                days, 200, (ps, d) -> {
                    ps.setLong(1, yearId);
                    ps.setObject(2, d.date());
                    ps.setString(3, d.kind().name());
                    ps.setObject(4, d.opens());
                    ps.setObject(5, d.closes());
                    ps.setString(6, d.name());
                });
    }

    private static CalendarDay day(ResultSet rs) throws SQLException {
        return new CalendarDay(rs.getObject("day", java.time.LocalDate.class),
                CalendarDay.Kind.valueOf(rs.getString("kind")), rs.getObject("opens", LocalTime.class),
                rs.getObject("closes", LocalTime.class), rs.getString("name"));
    }

    private List<CalendarDay> days(long yearId) {
        return jdbc.query("select day, kind, opens, closes, name from calendar_day where calendar_year_id = ? order by day",
                (rs, i) -> day(rs), yearId);
    }
}
