package io.spareflow.part;

import io.spareflow.common.Codes;
import io.spareflow.common.Message;
import java.util.Optional;
import java.util.regex.Pattern;

/** A part number of the catalogue (e.g. 130103811), held upper-case. */
public record PartNumber(String value) {

    /** 1 to 30 letters, digits, dots, dashes, slashes or underscores, starting with a letter or digit. */
    public static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9._/\\-]{0,29}");

    /** Only canonical values: everything typed or scanned comes in through {@link #parse} or {@link #tryParse}. */
    public PartNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a canonical part number: " + value);
        }
    }

    /** The part number in {@code text} (trimmed, upper-cased); a 400 that says what one looks like when it is none. */
    public static PartNumber parse(String text) {
        return new PartNumber(Codes.require(text, FORMAT, "partNumber", Message.of("errors.code.partNumber"), Message.of("errors.code.partNumber.expected")));
    }

    /** The part number in {@code text}, or empty when it is none (a lookup of such a value finds nothing). */
    public static Optional<PartNumber> tryParse(String text) {
        return Codes.canonical(text, FORMAT).map(PartNumber::new);
    }

    @Override
    public String toString() {
        return value;
    }
}
