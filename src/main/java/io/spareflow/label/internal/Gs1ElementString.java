package io.spareflow.label.internal;

import io.spareflow.common.Gtin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * GS1 element strings as labels print them, checked against the GS1 General Specifications for the Application
 * Identifiers labels use, so that no label ever carries a string a GS1 validator refuses: (01) GTIN, 14 digits with
 * its check digit; (21) serial, at most 20 characters; (240) additional product id (part number) and (400) order
 * reference, at most 30 each; all of GS1's 82-character set; (21) and (240) only beside a (01) GTIN.
 */
public final class Gs1ElementString {

    static final char GS = '\u001D';
    public static final int MAX_SERIAL_LENGTH = 20;
    private static final String GTIN = "01";
    /** GS1 AI encodable character set 82 (GS1 General Specifications, figure 7.11-1). */
    private static final Pattern CSET_82 = Pattern.compile("[!\"%&'()*+,\\-./0-9:;<=>?A-Z_a-z]+");
    private static final Map<String, Integer> MAX_LENGTH = Map.of("21", MAX_SERIAL_LENGTH, "240", 30, "400", 30);
    private static final Set<String> NEED_GTIN = Set.of("21", "240");

    private Gs1ElementString() {
    }

    /** The AIs a label template may use in a GS1 DataMatrix. */
    static boolean isKnown(String ai) {
        return GTIN.equals(ai) || MAX_LENGTH.containsKey(ai);
    }

    /** Why {@code value} may not stand as GS1 {@code ai}, or null when it may. */
    public static String problem(String ai, String value) {
        if (GTIN.equals(ai)) {
            return Gtin.isValid(value) ? null : "(01) must be a GTIN-14 with its check digit, not '" + value + "'";
        }
        Integer max = MAX_LENGTH.get(ai);
        if (max == null) {
            return "(" + ai + ") is not an Application Identifier labels print";
        }
        if (value == null || value.isEmpty() || value.length() > max) {
            return "(" + ai + ") takes 1 to " + max + " characters, '" + value + "' has "
                    + (value == null ? 0 : value.length());
        }
        return CSET_82.matcher(value).matches() ? null
                : "(" + ai + ") '" + value + "' has characters outside GS1's character set";
    }

    /**
     * The element string of {@code fields} (AI to value, in print order): (01) needs no separator after it, every
     * other field but the last ends with GS (printed as FNC1). Throws if any field breaks the GS1 rules.
     */
    static String encode(Map<String, String> fields) {
        fields.forEach((ai, value) -> {
            String problem = problem(ai, value);
            if (problem != null) {
                throw new IllegalArgumentException("not a conformant GS1 element string: " + problem);
            }
        });
        if (!fields.containsKey(GTIN) && fields.keySet().stream().anyMatch(NEED_GTIN::contains)) {
            throw new IllegalArgumentException("not a conformant GS1 element string: (21) and (240) need a (01) GTIN");
        }
        StringBuilder out = new StringBuilder();
        List<Map.Entry<String, String>> entries = List.copyOf(fields.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            out.append(entries.get(i).getKey()).append(entries.get(i).getValue());
            if (i < entries.size() - 1 && !GTIN.equals(entries.get(i).getKey())) {
                out.append(GS);
            }
        }
        return out.toString();
    }

    /** Fields written {@code "AI:value"}, as label templates write them, in order. */
    static Map<String, String> fields(List<String> written) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : written) {
            int colon = field.indexOf(':');
            fields.put(field.substring(0, colon), field.substring(colon + 1));
        }
        return fields;
    }
}
