package io.spareflow.calendar.internal;

import io.spareflow.calendar.CalendarUpdate;
import io.spareflow.calendar.CalendarYear;
import io.spareflow.calendar.WorkingCalendars;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/calendars")
@Tag(name = "Working calendars", description = "Public holidays and extra working days per country (or location) and year")
class CalendarController {

    private final WorkingCalendars calendars;
    private final Clock clock;

    CalendarController(WorkingCalendars calendars, Clock clock) {
        this.calendars = calendars;
        this.clock = clock;
    }

    @GetMapping("/{country}")
    @Operation(summary = "One year of a country's working calendar",
            description = "loaded=false when no calendar is stored for that year: limits then count weekly hours only. "
                    + "With location, that location's own days, which override its country's.")
    CalendarYear get(@PathVariable String country,
                     @Parameter(description = "the year; this year when left out") @RequestParam(required = false) Integer year,
                     @Parameter(description = "a location code of that country") @RequestParam(required = false) String location) {
        return calendars.year(country, year == null ? thisYear() : year, location);
    }

    @PutMapping("/{country}")
    @Operation(summary = "Replace one year of a working calendar (ADMIN)",
            description = "Every day of the year that departs from the weekly hours: CLOSED, REDUCED_HOURS (opens, closes) "
                    + "or WORKING_DAY. The change is recorded. Cases already open keep their due dates.")
    CalendarYear put(@PathVariable String country, @RequestParam int year,
                     @RequestParam(required = false) String location, @RequestBody CalendarUpdate update,
                     Principal principal) {
        return calendars.replace(country, year, location, update, principal.getName());
    }

    private int thisYear() {
        return clock.instant().atZone(ZoneOffset.UTC).getYear();
    }
}
