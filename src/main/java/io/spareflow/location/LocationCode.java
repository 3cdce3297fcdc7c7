package io.spareflow.location;

import io.spareflow.common.Codes;
import io.spareflow.common.Message;
import java.util.Optional;
import java.util.regex.Pattern;

/** The code of a location of the service network (e.g. CTU, RC-SZX), held upper-case. */
public record LocationCode(String value) {

    /** 2 to 16 letters, digits and dashes. */
    public static final Pattern FORMAT = Pattern.compile("[A-Z0-9-]{2,16}");

    /** Only canonical values: everything typed or scanned comes in through {@link #parse} or {@link #tryParse}. */
    public LocationCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a canonical location code: " + value);
        }
    }

    /** The location code in {@code text} (trimmed, upper-cased); a 400 that says what one looks like when it is none. */
    public static LocationCode parse(String text) {
        return new LocationCode(Codes.require(text, FORMAT, "code", Message.of("errors.code.location"), Message.of("errors.code.location.expected")));
    }

    /** The location code in {@code text}, or empty when it is none (a lookup of such a value finds nothing). */
    public static Optional<LocationCode> tryParse(String text) {
        return Codes.canonical(text, FORMAT).map(LocationCode::new);
    }

    @Override
    public String toString() {
        return value;
    }
}
