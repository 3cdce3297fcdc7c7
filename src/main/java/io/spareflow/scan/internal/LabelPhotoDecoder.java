package io.spareflow.scan.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.datamatrix.DataMatrixReader;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import io.spareflow.common.InvalidInputException;
import io.spareflow.scan.ScanCode;
import io.spareflow.scan.UnreadableCodeException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;

/**
 * Reads the barcodes on a photo of a label (a phone without a scanner) and parses them as a scanner's output would be:
 * AIM symbology identifier first, GS1 separators kept ({@code ASSUME_GS1}), so the one scan parser reads them.
 */
@Component
public class LabelPhotoDecoder {

    /** Phone photos are 12 Mpx and more; the barcodes of a label stay readable at this size and decoding stays fast. */
    private static final int MAX_SIDE = 2000;
    private static final Map<DecodeHintType, Object> HINTS = new EnumMap<>(Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.ASSUME_GS1, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.DATA_MATRIX, BarcodeFormat.CODE_128, BarcodeFormat.QR_CODE)));

    /** One barcode found: its format, what the scanner would have sent, and the board code it carries. */
    public record Symbol(String format, String scannerText, ScanCode code, String refusal) {
    }

    /** The board code of the photo (a GS1 code with a part number preferred) and every symbol found. */
    public record Decoded(ScanCode code, List<Symbol> symbols) {
    }

    public Decoded decode(InputStream photo) {
        BufferedImage image = read(photo);
        List<Result> results = new ArrayList<>();
        try {
            results.addAll(List.of(new GenericMultipleBarcodeReader(new MultiFormatReader()).decodeMultiple(bitmap(image), HINTS)));
        } catch (NotFoundException e) {
            // perhaps only a DataMatrix, which the next step looks for
        }
        if (results.stream().noneMatch(r -> r.getBarcodeFormat() == BarcodeFormat.DATA_MATRIX)) {
            findDataMatrix(image).ifPresent(results::add);
        }
        if (results.isEmpty()) {
            throw new InvalidInputException("No barcode found in the photo: hold the camera square to the label, close"
                    + " enough that the label fills most of the picture, without glare", Map.of("photo", "no barcode found"));
        }
        List<Symbol> symbols = new ArrayList<>();
        for (Result result : results) {
            String scannerText = symbologyIdentifier(result) + result.getText();
            try {
                symbols.add(new Symbol(result.getBarcodeFormat().name(), scannerText, ScanCode.parse(scannerText), null));
            } catch (UnreadableCodeException refused) {
                symbols.add(new Symbol(result.getBarcodeFormat().name(), scannerText, null, refused.getMessage()));
            }
        }
        return symbols.stream().filter(s -> s.code() != null)
                .max(Comparator.comparing((Symbol s) -> s.code().partNumber() != null))
                .map(best -> new Decoded(best.code(), symbols))
                .orElseThrow(() -> new UnreadableCodeException("The photo shows " + symbols.size() + " barcode(s) but"
                        + " none is a board code: " + symbols.stream().map(Symbol::refusal).toList()));
    }

    /**
     * ZXing's DataMatrix detector looks outwards from the middle of the image, so it misses a symbol beside other
     * barcodes and text, as on a board label. Square windows of the photo (1, 2/3, 1/2 and 1/3 of its shorter side,
     * moved by a quarter of their size) put the symbol in the middle of one of them.
     */
    private static Optional<Result> findDataMatrix(BufferedImage image) {
        DataMatrixReader reader = new DataMatrixReader();
        int shorter = Math.min(image.getWidth(), image.getHeight());
        for (int size : new int[] {shorter, shorter * 2 / 3, shorter / 2, shorter / 3}) {
            if (size < 40) {
                break;
            }
            for (int y = 0; y + size <= image.getHeight(); y += size / 4) {
                for (int x = 0; x + size <= image.getWidth(); x += size / 4) {
                    try {
                        return Optional.of(reader.decode(bitmap(image.getSubimage(x, y, size, size)), HINTS));
                    } catch (ReaderException notHere) {
                        // try the next window
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static BinaryBitmap bitmap(BufferedImage image) {
        return new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    }

    private static String symbologyIdentifier(Result result) {
        Object id = result.getResultMetadata() == null ? null
                : result.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER);
        return id == null ? "" : id.toString();
    }

    private static BufferedImage read(InputStream photo) {
        BufferedImage image;
        try {
            image = ImageIO.read(photo);
        } catch (IOException e) {
            image = null;
        }
        if (image == null) {
            throw new InvalidInputException("The upload is not an image this service reads: send a PNG or JPEG photo",
                    Map.of("photo", "not a PNG or JPEG image"));
        }
        int longest = Math.max(image.getWidth(), image.getHeight());
        if (longest <= MAX_SIDE) {
            return image;
        }
        double scale = (double) MAX_SIDE / longest;
        BufferedImage smaller = new BufferedImage((int) (image.getWidth() * scale), (int) (image.getHeight() * scale),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smaller.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, smaller.getWidth(), smaller.getHeight(), null);
        g.dispose();
        return smaller;
    }
}
