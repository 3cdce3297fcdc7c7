package io.spareflow.calendar.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.audit.AuditEntry;
import io.spareflow.calendar.CalendarYear;
import io.spareflow.common.CalendarDay;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * A calendar year as the general audit trail records it (entity CALENDAR, id {@code CN 2026} or {@code CN/CTU 2026}):
 * its source, whether it is provisional, and every day, before and after each change.
 */
public record AuditedCalendarYear(String source, boolean provisional, List<CalendarDay> days) {

    public static AuditedCalendarYear of(CalendarYear year) {
        return new AuditedCalendarYear(year.source(), year.provisional(), year.days());
    }

    /** The audit trail's id of a country's ({@code location} null) or a location's calendar year. */
    public static String id(String country, String location, int year) {
        return (location == null ? country : country + "/" + location) + " " + year;
    }

    /** One change of a calendar year as the administration page lists it. */
    public record Change(Instant at, String by, String source, int daysBefore, int daysAfter, String summary) {

        static Change of(AuditEntry entry) {
            JsonNode after = entry.after();
            return new Change(entry.at(), entry.actor(), after == null ? "" : after.path("source").asText(),
                    dayCount(entry.before()), dayCount(after), after == null ? "" : summary(after.path("days")));
        }

        /** Entries moved from the former calendar_change table (V201) hold a day count instead of the days. */
        private static int dayCount(JsonNode value) {
            if (value == null) {
                return 0;
            }
            return value.path("days").isArray() ? value.path("days").size() : value.path("dayCount").asInt();
        }

        private static String summary(JsonNode days) {
            if (!days.isArray()) {
                return "";
            }
            Map<String, Long> counts = StreamSupport.stream(days.spliterator(), false)
                    .collect(Collectors.groupingBy(d -> d.path("kind").asText(), TreeMap::new, Collectors.counting()));
            return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        }
    }
}
