package io.spareflow.calendar.internal;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import io.spareflow.common.CalendarDay;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The public holidays of the countries the Jollyday library covers (its rules, e.g. Easter-based and Islamic holidays
 * by the Umm al-Qura calendar): closed all day, at the date they are observed.
 */
@Component
class HolidayLibrary {

    static final String SOURCE = "Jollyday holiday library (de.focus-shift:jollyday-core), public holidays of ";

    private final Set<String> covered = HolidayManager.getSupportedCalendarCodes().stream()
            .map(code -> code.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    boolean covers(String country) {
        return covered.contains(country);
    }

    Optional<List<CalendarDay>> holidays(String country, int year) {
        if (!covers(country)) {
            return Optional.empty();
        }
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT)));
        Map<LocalDate, String> names = new TreeMap<>();
        for (Holiday holiday : manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY)) {
            if (holiday.getActualDate().getYear() == year) {
                names.merge(holiday.getActualDate(), holiday.getDescription(Locale.ENGLISH), (a, b) -> a + "; " + b);
            }
        }
        return Optional.of(names.entrySet().stream().map(e -> CalendarDay.closed(e.getKey(), e.getValue())).toList());
    }
}
