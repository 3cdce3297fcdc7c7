package io.spareflow.scan;

import io.spareflow.common.Message;
import io.spareflow.part.PartNumber;
import io.spareflow.board.Serial;
import io.spareflow.common.CaseNumber;
import io.spareflow.common.Gtin;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one parser for everything a scanner sends as a board code:
 * <ul>
 *   <li>a bare serial ({@code SZ2114000417}, any case), as a keyboard-wedge scanner types a Code 128;</li>
 *   <li>a GS1 element string with GS (ASCII 29) separators, with or without a leading FNC1 (sent as GS);</li>
 *   <li>the same with an AIM symbology identifier first ({@code ]C1}, {@code ]C0}, {@code ]d2}, {@code ]Q3}…);</li>
 *   <li>the same with {@code {GS}} or {@code <GS>} typed where a keyboard wedge cannot send GS;</li>
 *   <li>the bracketed human-readable form {@code (01)09524000000019(21)SZ2114000417(240)130103811}, and the
 *   {@code (240)(21)} form of labels printed before boards carried a GTIN;</li>
 *   <li>a case's return label: GS1 with a (400) order reference, the case number, beside the expected board's (01)
 *   and (21);</li>
 * </ul>
 * surrounded by spaces, CR, LF or Tab. Everything else is refused with an {@link UnreadableCodeException} that shows
 * what was read (control characters made visible) and why it is not a board code.
 */
final class ScanCodeParser {

    static final int MAX_LENGTH = 200;
    static final char GS = '\u001D';
    private static final String SERIAL_AI = "21";
    private static final String PART_AI = "240";
    private static final String GTIN_AI = "01";
    private static final String CASE_AI = "400";
    private static final Pattern AIM_PREFIX = Pattern.compile("^\\][A-Za-z][0-9A-Za-z]");
    /** AIM identifiers that say the symbol carries GS1 data (FNC1 in first position). */
    private static final java.util.Set<String> GS1_SYMBOLOGIES = java.util.Set.of("]C1", "]D2", "]Q3", "]E0", "]J1");
    private static final Pattern GS_SUBSTITUTE = Pattern.compile("\\{GS\\}|<GS>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BRACKETED = Pattern.compile("\\((\\d{2,4})\\)([^()]*)");
    /** Fixed-length GS1 AIs (value length) that a board code may carry; every other AI runs to the next GS. */
    private static final Map<String, Integer> FIXED_LENGTH = Map.of("00", 18, GTIN_AI, 14, "02", 14, "11", 6, "13", 6,
            "15", 6, "17", 6);
    /**
     * The variable-length AIs a board code may carry, with their maximum length (GS1 General Specifications), except
     * (21): GS1 allows 20 characters, board serials may have up to 40 and their labels carry them whole.
     */
    private static final Map<String, Integer> VARIABLE_LENGTH = Map.of("10", 20, SERIAL_AI, 40, "22", 20, PART_AI, 30,
            "241", 30, "250", 30, "400", 30, "7021", 20, "7022", 20, "91", 90);

    private ScanCodeParser() {
    }

    static ScanCode parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw refused(raw, Message.of("errors.scan.code.empty"));
        }
        if (raw.length() > MAX_LENGTH) {
            throw new UnreadableCodeException(Message.of("errors.scan.code.tooLong", String.valueOf(raw.length()), visible(raw.substring(0, 20)),
                    MAX_LENGTH));
        }
        String text = trimScannerNoise(raw);
        if (text.isEmpty()) {
            throw refused(raw, Message.of("errors.scan.code.blank"));
        }
        boolean gs1 = false;
        Matcher aim = AIM_PREFIX.matcher(text);
        if (aim.find()) {
            gs1 = GS1_SYMBOLOGIES.contains(aim.group().toUpperCase(Locale.ROOT));
            text = text.substring(aim.end());
        }
        text = GS_SUBSTITUTE.matcher(text).replaceAll(String.valueOf(GS));
        if (!text.isEmpty() && text.charAt(0) == GS) {
            gs1 = true;
            text = text.substring(1);
        }
        if (text.startsWith("(")) {
            return fromElements(raw, bracketed(raw, text));
        }
        if (gs1 || text.indexOf(GS) >= 0) {
            return fromElements(raw, elementString(raw, text));
        }
        rejectControlCharacters(raw, text);
        Serial serial = Serial.tryParse(text).orElseThrow(() -> refused(raw, Message.of("errors.scan.code.neither")));
        return new ScanCode(serial.value(), null, null, false, Map.of(), null);
    }

    /** Scanners end a scan with CR, LF or Tab; people paste codes with spaces. GS is data here, never trimmed. */
    private static String trimScannerNoise(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && isNoise(raw.charAt(start))) {
            start++;
        }
        while (end > start && isNoise(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(start, end);
    }

    private static boolean isNoise(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u00A0';
    }

    private static Map<String, String> bracketed(String raw, String text) {
        Map<String, String> elements = new LinkedHashMap<>();
        Matcher m = BRACKETED.matcher(text);
        int position = 0;
        while (position < text.length()) {
            if (!m.find(position) || m.start() != position) {
                throw refused(raw, Message.of("errors.scan.code.brackets"));
            }
            rejectControlCharacters(raw, m.group(2));
            put(raw, elements, m.group(1), m.group(2).trim().toUpperCase(Locale.ROOT));
            position = m.end();
        }
        return elements;
    }

    /** A GS1 element string: fixed-length AIs by their length, variable-length ones up to the next GS. */
    private static Map<String, String> elementString(String raw, String text) {
        Map<String, String> elements = new LinkedHashMap<>();
        int position = 0;
        while (position < text.length()) {
            if (text.charAt(position) == GS) {
                position++;
                continue;
            }
            String ai = applicationIdentifier(raw, text, position);
            int valueStart = position + ai.length();
            int valueEnd;
            Integer fixed = FIXED_LENGTH.get(ai);
            if (fixed != null) {
                valueEnd = valueStart + fixed;
                if (valueEnd > text.length()) {
                    throw refused(raw, Message.of("errors.scan.code.short", ai, fixed, text.length() - valueStart));
                }
            } else {
                int separator = text.indexOf(GS, valueStart);
                valueEnd = separator < 0 ? text.length() : separator;
            }
            // A scanner with caps lock on types lower case; board label data is upper case.
            String value = text.substring(valueStart, valueEnd).toUpperCase(Locale.ROOT);
            rejectControlCharacters(raw, value);
            put(raw, elements, ai, value);
            position = valueEnd;
        }
        return elements;
    }

    private static String applicationIdentifier(String raw, String text, int position) {
        for (int length = 2; length <= 4 && position + length <= text.length(); length++) {
            String candidate = text.substring(position, position + length);
            if (FIXED_LENGTH.containsKey(candidate) || VARIABLE_LENGTH.containsKey(candidate)) {
                return candidate;
            }
        }
        throw refused(raw, Message.of("errors.scan.code.noAi", String.valueOf(position + 1), visible(text.substring(position,
                Math.min(text.length(), position + 6)))));
    }

    private static void put(String raw, Map<String, String> elements, String ai, String value) {
        if (value.isEmpty()) {
            throw refused(raw, Message.of("errors.scan.code.noValue", ai));
        }
        Integer max = VARIABLE_LENGTH.get(ai);
        if (max != null && value.length() > max) {
            throw refused(raw, Message.of("errors.scan.code.long", ai, String.valueOf(value.length()), max));
        }
        if (!FIXED_LENGTH.containsKey(ai) && !VARIABLE_LENGTH.containsKey(ai)) {
            throw refused(raw, Message.of("errors.scan.code.unknownAi", ai));
        }
        if (elements.putIfAbsent(ai, value) != null) {
            throw refused(raw, Message.of("errors.scan.code.twice", ai));
        }
    }

    private static ScanCode fromElements(String raw, Map<String, String> elements) {
        String serial = elements.get(SERIAL_AI);
        String caseNumber = elements.get(CASE_AI);
        if (caseNumber != null && CaseNumber.tryParse(caseNumber).isEmpty()) {
            throw refused(raw, Message.of("errors.scan.code.caseNumber", visible(caseNumber)));
        }
        if (serial == null && caseNumber == null) {
            throw refused(raw, Message.of("errors.scan.code.noSerial", elements.keySet().stream()
                    .map(ai -> "(" + ai + ")").toList().toString()));
        }
        if (serial != null && Serial.tryParse(serial).isEmpty()) {
            throw refused(raw, Message.of("errors.scan.code.serial", visible(serial)));
        }
        String part = elements.get(PART_AI);
        if (part != null && PartNumber.tryParse(part).isEmpty()) {
            throw refused(raw, Message.of("errors.scan.code.part", visible(part)));
        }
        String gtin = elements.get(GTIN_AI);
        if (gtin != null && !Gtin.isValid(gtin)) {
            throw refused(raw, Message.of("errors.scan.code.gtin", gtin, gtin.matches("\\d{14}")
                    ? String.valueOf(Gtin.checkDigit(gtin.substring(0, 13))) : Message.of("errors.scan.code.gtin.digits")));
        }
        return new ScanCode(serial, part, gtin, true, elements, caseNumber);
    }

    private static void rejectControlCharacters(String raw, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                throw refused(raw, Message.of("errors.scan.code.control", visible(String.valueOf(c))));
            }
        }
    }

    private static UnreadableCodeException refused(String raw, Message why) {
        return new UnreadableCodeException(raw == null || raw.isEmpty() ? Message.of("errors.scan.code.nothing", why)
                : Message.of("errors.scan.code", visible(raw), why));
    }

    /** Shows control characters the way a person can read them: GS as {@code <GS>}, others as {@code \\u0007}. */
    static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case GS -> out.append("<GS>");
                case '\r' -> out.append("<CR>");
                case '\n' -> out.append("<LF>");
                case '\t' -> out.append("<TAB>");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
