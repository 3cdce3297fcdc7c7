package io.spareflow.scan;

import java.util.Map;

/**
 * What a board code says, however the scanner delivered it.
 *
 * @param serial     the board serial, upper-case (always present)
 * @param partNumber the GS1 (240) additional product id, when the code carried one
 * @param gtin       the GS1 (01) GTIN, when the code carried one (check digit verified)
 * @param gs1        whether the code was a GS1 element string (DataMatrix, GS1-128, GS1 QR) rather than a bare serial
 * @param elements   every GS1 element read, by Application Identifier (empty for a bare serial)
 */
public record ScanCode(String serial, String partNumber, String gtin, boolean gs1, Map<String, String> elements) {

    public ScanCode {
        elements = Map.copyOf(elements);
    }

    /** Parses what a scanner sent; see {@link ScanCodeParser} for the accepted forms. */
    public static ScanCode parse(String raw) {
        return ScanCodeParser.parse(raw);
    }
}
