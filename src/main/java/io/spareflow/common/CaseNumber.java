package io.spareflow.common;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number of an RMA case. Spareflow issues {@code RMA-2026-000123} (year and a per-year sequence); other systems
 * may hand sourcing their own case references, so any reference of {@link #FORMAT} is accepted. It lives in common,
 * not in rma, because sourcing (which rma uses) and labels name cases too.
 */
public record CaseNumber(String value) {

    /** 1 to 40 letters, digits, dots, dashes, slashes or underscores, starting with a letter or digit. */
    public static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9._/\\-]{0,39}");
    /** The numbers Spareflow issues, as they appear in a mail's subject or text. */
    private static final Pattern ISSUED = Pattern.compile("RMA-\\d{4}-\\d{6}", Pattern.CASE_INSENSITIVE);

    /** Only canonical values: everything typed comes in through {@link #parse}, {@link #tryParse} or {@link #findIn}. */
    public CaseNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a canonical case number: " + value);
        }
    }

    /** The next number Spareflow issues in {@code year}. */
    public static CaseNumber issued(int year, long sequence) {
        return new CaseNumber(String.format(Locale.ROOT, "RMA-%d-%06d", year, sequence));
    }

    /** The case number in {@code text} (trimmed, upper-cased); a 400 that says what one looks like when it is none. */
    public static CaseNumber parse(String text) {
        return new CaseNumber(Codes.require(text, FORMAT, "caseNumber", Message.of("errors.code.caseNumber"), Message.of("errors.code.caseNumber.expected")));
    }

    public static Optional<CaseNumber> tryParse(String text) {
        return Codes.canonical(text, FORMAT).map(CaseNumber::new);
    }

    /** The first number Spareflow issued that {@code text} mentions (a mail's subject or body), if any. */
    public static Optional<CaseNumber> findIn(String text) {
        Matcher m = ISSUED.matcher(text == null ? "" : text);
        return m.find() ? Optional.of(new CaseNumber(m.group().toUpperCase(Locale.ROOT))) : Optional.empty();
    }

    /** Whether {@code text} is, as a whole, a number Spareflow issues (so it is not taken for a serial). */
    public static boolean isIssued(String text) {
        return text != null && ISSUED.matcher(text.trim()).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
