package io.spareflow.board;

import io.spareflow.common.Codes;
import io.spareflow.common.Message;
import java.util.Optional;
import java.util.regex.Pattern;

/** A board's serial number: unique regardless of case, so it is held and compared upper-case. */
public record Serial(String value) {

    /** 4 to 40 letters, digits or dashes, starting with a letter or digit. */
    public static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9\\-]{3,39}");

    /** Only canonical values: everything typed or scanned comes in through {@link #parse} or {@link #tryParse}. */
    public Serial {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a canonical board serial: " + value);
        }
    }

    /** The board serial in {@code text} (trimmed, upper-cased); a 400 that says what one looks like when it is none. */
    public static Serial parse(String text) {
        return new Serial(Codes.require(text, FORMAT, "serial", Message.of("errors.code.serial"), Message.of("errors.code.serial.expected")));
    }

    /** The board serial in {@code text}, or empty when it is none (a lookup of such a value finds nothing). */
    public static Optional<Serial> tryParse(String text) {
        return Codes.canonical(text, FORMAT).map(Serial::new);
    }

    @Override
    public String toString() {
        return value;
    }
}
