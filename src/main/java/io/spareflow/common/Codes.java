package io.spareflow.common;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one normalisation of the codes people type and scanners send (serials, part numbers, location codes, case
 * numbers): trimmed and upper-cased, then checked against the code's format. Used by the value types of the features.
 */
public final class Codes {

    private Codes() {
    }

    /** The canonical form of {@code raw}, or empty when it is null or does not match {@code format}. */
    public static Optional<String> canonical(String raw, Pattern format) {
        String normalized = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
        return format.matcher(normalized).matches() ? Optional.of(normalized) : Optional.empty();
    }

    /** The canonical form of {@code raw}; a 400 naming {@code field} and what it expects when it is none. */
    public static String require(String raw, Pattern format, String field, Message what, Message expected) {
        return canonical(raw, format).orElseThrow(() -> new InvalidInputException(
                Message.of("errors.code.invalid", raw, what, expected), Map.of(field, Message.of("errors.code.invalid.field", what))));
    }
}
