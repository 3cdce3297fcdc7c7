package io.spareflow.location.internal;

import io.spareflow.common.BusinessHours;
import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import io.spareflow.location.LocationCode;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.LocationRow;
import io.spareflow.location.LocationType;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a new location must be: each value checked, with a message naming the column of a location file. */
public final class LocationRules {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private LocationRules() {
    }

    /** The location {@code row} describes; {@link InvalidInputException} naming the first wrong value. */
    public static LocationInfo check(LocationRow row) {
        String code = LocationCode.tryParse(row.code()).map(LocationCode::value).orElseThrow(() ->
                new InvalidInputException(Message.of("errors.location.row.code", row.code())));
        String country = row.country();
        if (country == null || !COUNTRY.matcher(country).matches()) {
            throw new InvalidInputException(Message.of("errors.location.row.country", country));
        }
        return new LocationInfo(code, text(row.name(), "name", 120), type(row.type()), text(row.city(), "city", 80), country,
                degrees(row.latitude(), "latitude", 90), degrees(row.longitude(), "longitude", 180), timeZone(row.timeZone()),
                businessHours(row.businessHours()), handlingMinutes(row.handlingMinutes()),
                optionalText(row.nameZh(), "name_zh", 120), optionalText(row.cityZh(), "city_zh", 80));
    }

    private static String text(String value, String column, int maxLength) {
        if (value == null || value.isEmpty() || value.length() > maxLength) {
            throw new InvalidInputException(Message.of("errors.location.row.text", column, maxLength));
        }
        return value;
    }

    private static String optionalText(String value, String column, int maxLength) {
        return value == null || value.isBlank() ? null : text(value.trim(), column, maxLength);
    }

    private static LocationType type(String value) {
        try {
            return LocationType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Message.of("errors.location.row.type", value,
                    List.of(LocationType.values()).toString()));
        }
    }

    private static double degrees(String value, String column, int limit) {
        double degrees;
        try {
            degrees = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            degrees = Double.NaN;
        }
        if (!(degrees >= -limit && degrees <= limit)) {
            throw new InvalidInputException(Message.of("errors.location.row.degrees", column, value, limit));
        }
        return degrees;
    }

    /** Region ids of the IANA database only: offsets like "+08:00" would not follow daylight saving time. */
    private static String timeZone(String value) {
        if (!ZoneId.getAvailableZoneIds().contains(value)) {
            throw new InvalidInputException(Message.of("errors.location.row.timeZone", value));
        }
        return value;
    }

    private static String businessHours(String value) {
        try {
            BusinessHours.parse(value);
            return value.toUpperCase(Locale.ROOT);
        } catch (BusinessHours.InvalidHours e) {
            throw new InvalidInputException(Message.of("errors.location.row.hours", e.detail()));
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
        throw new InvalidInputException(Message.of("errors.location.row.handling", value));
    }
}
