package io.spareflow.label.internal;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.encoder.DefaultPlacement;
import com.google.zxing.datamatrix.encoder.ErrorCorrection;
import com.google.zxing.datamatrix.encoder.SymbolInfo;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;

/**
 * GS1 DataMatrix (ECC 200) in ASCII encodation only: FNC1 first, digit pairs packed, GS written as FNC1. ZXing's
 * mode-switching encoders save a few codewords, but libdmtx ({@code dmtxread}) misreads the end of some of their
 * symbols; plain ASCII is read by every decoder. ZXing still does error correction and module placement.
 */
final class Gs1DataMatrix {

    private static final int FNC1 = 232;
    private static final int PAD = 129;
    private static final char GS = Gs1ElementString.GS;

    private Gs1DataMatrix() {
    }

    /** A square symbol, one pixel per module, no quiet zone; {@code elementString} has GS between fields. */
    static BitMatrix encode(String elementString) {
        StringBuilder codewords = new StringBuilder().append((char) FNC1);
        for (int i = 0; i < elementString.length(); i++) {
            char c = elementString.charAt(i);
            if (isDigit(c) && i + 1 < elementString.length() && isDigit(elementString.charAt(i + 1))) {
                codewords.append((char) (130 + (c - '0') * 10 + (elementString.charAt(++i) - '0')));
            } else if (c == GS) {
                codewords.append((char) FNC1);
            } else if (c < 128) {
                codewords.append((char) (c + 1));
            } else {
                throw new IllegalArgumentException("a GS1 DataMatrix carries ASCII only, not '" + c + "'");
            }
        }
        SymbolInfo symbol = SymbolInfo.lookup(codewords.length(), SymbolShapeHint.FORCE_SQUARE, null, null, true);
        pad(codewords, symbol.getDataCapacity());
        DefaultPlacement placement = new DefaultPlacement(ErrorCorrection.encodeECC200(codewords.toString(), symbol),
                symbol.getSymbolDataWidth(), symbol.getSymbolDataHeight());
        placement.place();
        return withFinderPatterns(placement, symbol);
    }

    /** First pad 129, then the 253-state randomised pad (ISO/IEC 16022, 5.2.3). */
    private static void pad(StringBuilder codewords, int capacity) {
        if (codewords.length() < capacity) {
            codewords.append((char) PAD);
        }
        while (codewords.length() < capacity) {
            int position = codewords.length() + 1;
            int value = PAD + ((149 * position) % 253) + 1;
            codewords.append((char) (value <= 254 ? value : value - 254));
        }
    }

    /** Data regions framed by their finder (solid left/bottom) and timing (alternating top/right) patterns. */
    private static BitMatrix withFinderPatterns(DefaultPlacement placement, SymbolInfo symbol) {
        BitMatrix matrix = new BitMatrix(symbol.getSymbolWidth(), symbol.getSymbolHeight());
        int matrixY = 0;
        for (int y = 0; y < symbol.getSymbolDataHeight(); y++) {
            if (y % symbol.matrixHeight == 0) {
                for (int x = 0; x < symbol.getSymbolWidth(); x++) {
                    set(matrix, x, matrixY, x % 2 == 0);
                }
                matrixY++;
            }
            int matrixX = 0;
            for (int x = 0; x < symbol.getSymbolDataWidth(); x++) {
                if (x % symbol.matrixWidth == 0) {
                    set(matrix, matrixX++, matrixY, true);
                }
                set(matrix, matrixX++, matrixY, placement.getBit(x, y));
                if (x % symbol.matrixWidth == symbol.matrixWidth - 1) {
                    set(matrix, matrixX++, matrixY, y % 2 == 0);
                }
            }
            matrixY++;
            if (y % symbol.matrixHeight == symbol.matrixHeight - 1) {
                for (int x = 0; x < symbol.getSymbolWidth(); x++) {
                    set(matrix, x, matrixY, true);
                }
                matrixY++;
            }
        }
        return matrix;
    }

    private static void set(BitMatrix matrix, int x, int y, boolean dark) {
        if (dark) {
            matrix.set(x, y);
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
