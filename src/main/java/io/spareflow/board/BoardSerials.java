package io.spareflow.board;

import io.spareflow.common.InvalidInputException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Serial numbers are unique regardless of case: they are stored and compared upper-case. */
public final class BoardSerials {

    public static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9\\-]{3,39}");

    private BoardSerials() {
    }

    public static String normalize(String serial) {
        String normalized = serial == null ? "" : serial.trim().toUpperCase(Locale.ROOT);
        if (!FORMAT.matcher(normalized).matches()) {
            throw new InvalidInputException("'" + serial + "' is not a board serial: expected 4 to 40 letters, digits or"
                    + " dashes, starting with a letter or digit", Map.of("serial", "not a board serial"));
        }
        return normalized;
    }
}
