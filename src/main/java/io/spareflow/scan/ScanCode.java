package io.spareflow.scan;

import java.util.Map;

/**
 * What a scanned code says, however the scanner delivered it: a board's code, or a case's return label.
 *
 * @param serial     the board serial, upper-case: always present on a board code; on a return label the serial the case
 *                   expects back, absent when it was too long for GS1 (21)
 * @param partNumber the GS1 (240) additional product id, when the code carried one
 * @param gtin       the GS1 (01) GTIN, when the code carried one (check digit verified)
 * @param gs1        whether the code was a GS1 element string (DataMatrix, GS1-128, GS1 QR) rather than a bare serial
 * @param elements   every GS1 element read, by Application Identifier (empty for a bare serial)
 * @param caseNumber the GS1 (400) order reference of a return label: the case the box belongs to; null on board codes
 */
public record ScanCode(String serial, String partNumber, String gtin, boolean gs1, Map<String, String> elements,
                       String caseNumber) {

    public ScanCode {
        elements = Map.copyOf(elements);
    }

    /** Whether this is a case's return label (it binds a box to its case) rather than a board's own label. */
    public boolean isReturnLabel() {
        return caseNumber != null;
    }

    /** Parses what a scanner sent; see {@link ScanCodeParser} for the accepted forms. */
    public static ScanCode parse(String raw) {
        return ScanCodeParser.parse(raw);
    }
}
