package io.spareflow.web.internal;

import io.spareflow.location.LocationCode;
import io.spareflow.common.BusinessHours;
import io.spareflow.common.Csv;
import io.spareflow.common.InvalidInputException;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.LocationType;
import io.spareflow.location.Locations;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Imports locations from CSV with the columns of {@code data/locations.csv} (code, name, type, city, country,
 * latitude, longitude, time_zone, business_hours, handling_minutes) by the rule of {@link CsvImport}; the good rows
 * are added together through {@link Locations#registerAll}.
 */
@Component
class LocationCsvImport implements CsvImport.Rows<LocationInfo> {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final Locations locations;
    private final CsvImport csvImport;

    LocationCsvImport(Locations locations, CsvImport csvImport) {
        this.locations = locations;
        this.csvImport = csvImport;
    }

    CsvImport.Report importFrom(InputStream csv) {
        return csvImport.importFrom(csv, this);
    }

    @Override
    public String key(LocationInfo location) {
        return "code " + location.code();
    }

    @Override
    public void writeAll(List<LocationInfo> good) {
        locations.registerAll(good);
    }

    @Override
    public LocationInfo check(Csv.Row row) {
        String code = LocationCode.tryParse(row.get("code")).map(LocationCode::value).orElseThrow(() ->
                new InvalidInputException("code '" + row.get("code") + "' is not 2 to 16 of A-Z, 0-9 and '-'"));
        if (locations.find(code).isPresent()) {
            throw new InvalidInputException("location " + code + " exists already");
        }
        String country = row.get("country");
        if (!COUNTRY.matcher(country).matches()) {
            throw new InvalidInputException("country '" + country + "' is not two upper-case letters (ISO 3166, e.g. CN)");
        }
        return new LocationInfo(code, text(row, "name", 120), type(row.get("type")), text(row, "city", 80), country,
                degrees(row, "latitude", 90), degrees(row, "longitude", 180), timeZone(row.get("time_zone")),
                businessHours(row.get("business_hours")), handlingMinutes(row.get("handling_minutes")));
    }

    private static String text(Csv.Row row, String column, int maxLength) {
        String value = row.get(column);
        if (value.isEmpty() || value.length() > maxLength) {
            throw new InvalidInputException(column + " must be 1 to " + maxLength + " characters");
        }
        return value;
    }

    private static LocationType type(String value) {
        try {
            return LocationType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("type '" + value + "' is not a location type; one of "
                    + List.of(LocationType.values()));
        }
    }

    private static double degrees(Csv.Row row, String column, int limit) {
        String value = row.get(column);
        double degrees;
        try {
            degrees = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            degrees = Double.NaN;
        }
        if (!(degrees >= -limit && degrees <= limit)) {
            throw new InvalidInputException(column + " '" + value + "' is not a number from -" + limit + " to " + limit);
        }
        return degrees;
    }

    /** Region ids of the IANA database only: offsets like "+08:00" would not follow daylight saving time. */
    private static String timeZone(String value) {
        if (!ZoneId.getAvailableZoneIds().contains(value)) {
            throw new InvalidInputException("time_zone '" + value + "' is not an IANA time zone (e.g. Asia/Shanghai)");
        }
        return value;
    }

    private static String businessHours(String value) {
        try {
            BusinessHours.parse(value);
            return value.toUpperCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("business_hours: " + e.getMessage());
        }
    }

    private static int handlingMinutes(String value) {
        try {
            int minutes = Integer.parseInt(value);
            if (minutes >= 0) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // reported below, like a negative number
        }
        throw new InvalidInputException("handling_minutes '" + value + "' is not a whole number of minutes, 0 or more");
    }
}
