package io.spareflow.location;

/**
 * A new location as a file or a form gives it: every value as text, checked by {@link Locations#checkNew}. The
 * columns of a location file ({@code data/locations.csv}) are these fields; {@code name_zh} and {@code city_zh} are optional.
 */
public record LocationRow(String code, String name, String type, String city, String country, String latitude,
                          String longitude, String timeZone, String businessHours, String handlingMinutes,
                          String nameZh, String cityZh) {
}
