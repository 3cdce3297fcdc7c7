package io.spareflow.calendar.internal;

import io.spareflow.audit.Audit;
import io.spareflow.audit.AuditQuery;
import io.spareflow.audit.AuditedEntity;
import io.spareflow.calendar.CalendarStatus;
import io.spareflow.calendar.CalendarUpdate;
import io.spareflow.calendar.CalendarYear;
import io.spareflow.calendar.WorkingCalendars;
import io.spareflow.common.CalendarDay;
import io.spareflow.common.Csv;
import io.spareflow.common.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The administrators' page of working calendars: which countries of the network have a calendar for this year and the
 * next (a missing one flagged), and one year of a country's or location's calendar to edit as lines of text.
 */
@Controller
@RequestMapping("/admin/calendars")
class CalendarAdminController {

    private static final String HEADER = "date,kind,opens,closes,name\n";

    private final WorkingCalendars calendars;
    private final Audit audit;
    private final MessageSource messages;
    private final Clock clock;

    CalendarAdminController(WorkingCalendars calendars, Audit audit, MessageSource messages, Clock clock) {
        this.calendars = calendars;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String page(@RequestParam(required = false) String country, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) String location, Model model, HttpServletResponse response) {
        int shownYear = year == null ? thisYear() : year;
        if (country != null && !country.isBlank()) {
            try {
                CalendarYear selected = calendars.year(country, shownYear, location);
                model.addAttribute("selected", selected);
                model.addAttribute("source", selected.source());
                model.addAttribute("daysText", lines(selected.days()));
                model.addAttribute("changes", audit.find(new AuditQuery(AuditedEntity.CALENDAR,
                        AuditedCalendarYear.id(selected.country(), selected.location(), shownYear), null)).stream()
                        .map(AuditedCalendarYear.Change::of).toList());
            } catch (InvalidInputException e) {
                model.addAttribute("errors", e.fieldErrors().values());
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
        }
        return view(model, country, shownYear, location);
    }

    /** Replaces the year; a refused form is shown again as typed with each reason (400) and nothing is stored. */
    @PostMapping
    String save(@RequestParam String country, @RequestParam int year, @RequestParam(required = false) String location,
                @RequestParam(defaultValue = "") String source, @RequestParam(defaultValue = "") String days,
                Principal principal, Model model, HttpServletResponse response, RedirectAttributes flash) {
        List<String> errors = new ArrayList<>();
        List<CalendarUpdate.Day> parsed = parse(days, errors);
        if (errors.isEmpty()) {
            try {
                CalendarYear saved = calendars.replace(country, year, location, new CalendarUpdate(source, parsed), principal.getName());
                flash.addFlashAttribute("ok", text("calendar.page.saved",
                        saved.location() == null ? saved.country() : saved.country() + " · " + saved.location(),
                        saved.year(), saved.days().size()));
                return "redirect:" + UriComponentsBuilder.fromPath("/admin/calendars").queryParam("country", saved.country())
                        .queryParam("year", saved.year()).queryParamIfPresent("location", java.util.Optional.ofNullable(saved.location()))
                        .build().encode().toUriString();
            } catch (InvalidInputException e) {
                errors.addAll(e.fieldErrors().isEmpty() ? List.of(e.getMessage()) : e.fieldErrors().values());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("errors", errors);
        model.addAttribute("source", source);
        model.addAttribute("daysText", days);
        model.addAttribute("selected", new CalendarYear(country.trim().toUpperCase(Locale.ROOT),
                location == null || location.isBlank() ? null : location.trim().toUpperCase(Locale.ROOT), year, false, false, source,
                null, null, List.of()));
        return view(model, country, year, location);
    }

    private String view(Model model, String country, int year, String location) {
        int thisYear = thisYear();
        model.addAttribute("years", List.of(thisYear, thisYear + 1));
        List<CalendarStatus> network = calendars.network(List.of(thisYear, thisYear + 1));
        model.addAttribute("network", network);
        model.addAttribute("incomplete", network.stream().filter(s -> !s.complete()).count());
        model.addAttribute("provisional", network.stream().filter(s -> !s.provisionalYears().isEmpty()).count());
        model.addAttribute("country", country == null ? "" : country.trim().toUpperCase(Locale.ROOT));
        model.addAttribute("year", year);
        model.addAttribute("location", location == null ? "" : location.trim().toUpperCase(Locale.ROOT));
        return "admin-calendars";
    }

    /** One line a day, as in the seed files: {@code date,kind,opens,closes,name}. */
    private static String lines(List<CalendarDay> days) {
        return days.stream().map(d -> String.join(",", d.date().toString(), d.kind().name(),
                d.opens() == null ? "" : d.opens().toString(), d.closes() == null ? "" : d.closes().toString(),
                d.name().contains(",") || d.name().contains("\"") ? '"' + d.name().replace("\"", "\"\"") + '"' : d.name()))
                .collect(Collectors.joining("\n"));
    }

    private List<CalendarUpdate.Day> parse(String text, List<String> errors) {
        List<CalendarUpdate.Day> days = new ArrayList<>();
        byte[] csv = (HEADER + text.replace("\r", "")).getBytes(StandardCharsets.UTF_8);
        for (Csv.Row row : Csv.read(new ByteArrayInputStream(csv))) {
            try {
                String opens = row.optional("opens");
                String closes = row.optional("closes");
                days.add(new CalendarUpdate.Day(LocalDate.parse(row.get("date")),
                        CalendarDay.Kind.valueOf(row.get("kind").toUpperCase(Locale.ROOT)),
                        opens == null ? null : LocalTime.parse(opens), closes == null ? null : LocalTime.parse(closes),
                        row.optional("name")));
            } catch (RuntimeException e) {
                errors.add(text("calendar.page.line", row.line() - 1));
            }
        }
        return days;
    }

    private int thisYear() {
        return clock.instant().atZone(ZoneOffset.UTC).getYear();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
