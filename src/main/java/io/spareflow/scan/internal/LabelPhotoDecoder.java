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
import io.spareflow.common.Message;
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
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import io.spareflow.common.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Reads the barcodes on a photo of a label (a phone without a scanner) and parses them as a scanner's output would be:
 * AIM symbology identifier first, GS1 separators kept ({@code ASSUME_GS1}), so the one scan parser reads them.
 */
@Component
public class LabelPhotoDecoder {

    /** Phone photos are 12 Mpx and more; the barcodes of a label stay readable at this size and decoding stays fast. */
    private static final int MAX_SIDE = 2000;
    private static final Duration WAIT = Duration.ofSeconds(2);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
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

    private final long maxPixels;
    private final Semaphore decodes;
    private final MessageSource messages;

    LabelPhotoDecoder(@Value("${spareflow.scan.photo.max-pixels:40000000}") long maxPixels,
                      @Value("${spareflow.scan.photo.decodes-at-once:3}") int decodesAtOnce, MessageSource messages) {
        this.maxPixels = maxPixels;
        this.decodes = new Semaphore(decodesAtOnce, true);
        this.messages = messages;
    }

    /**
     * Decodes a photo, at most {@code spareflow.scan.photo.decodes-at-once} at a time: a caller that finds them all
     * busy for {@link #WAIT} is told to come back (503 with Retry-After) rather than queue up memory.
     */
    public Decoded decode(InputStream photo) {
        boolean admitted;
        try {
            admitted = decodes.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            throw busy();
        }
        try {
            return decodeAdmitted(photo);
        } finally {
            decodes.release();
        }
    }

    private ErrorResponseException busy() {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE,
                messages.getMessage("hardening.photo.busy.title", null, LocaleContextHolder.getLocale()),
                messages.getMessage("hardening.photo.busy", new Object[] {RETRY_AFTER.toSeconds()}, LocaleContextHolder.getLocale()));
        ErrorResponseException busy = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        busy.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()));
        return busy;
    }

    private Decoded decodeAdmitted(InputStream photo) {
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
            throw new InvalidInputException(Message.of("errors.photo.noBarcode"), Map.of("photo", Message.of("errors.photo.noBarcode.field")));
        }
        List<Symbol> symbols = new ArrayList<>();
        for (Result result : results) {
            String scannerText = symbologyIdentifier(result) + result.getText();
            try {
                symbols.add(new Symbol(result.getBarcodeFormat().name(), scannerText, ScanCode.parse(scannerText), null));
            } catch (UnreadableCodeException refused) {
                symbols.add(new Symbol(result.getBarcodeFormat().name(), scannerText, null,
                        refused.detail().in(messages, LocaleContextHolder.getLocale())));
            }
        }
        return symbols.stream().filter(s -> s.code() != null)
                .max(Comparator.comparing((Symbol s) -> s.code().partNumber() != null))
                .map(best -> new Decoded(best.code(), symbols))
                .orElseThrow(() -> new UnreadableCodeException(Message.of("errors.photo.noBoardCode", symbols.size(),
                        symbols.stream().map(Symbol::refusal).toList().toString())));
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

    /**
     * Reads the image's size from its header first (no pixels decoded) and refuses one that is too large; decodes the
     * rest subsampled so that its longer side stays near {@link #MAX_SIDE}: a photo costs a few MB, whatever it claims.
     */
    private BufferedImage read(InputStream photo) {
        try (ImageInputStream in = ImageIO.createImageInputStream(photo)) {
            Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw notAnImage();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > maxPixels) {
                    throw tooLarge(width, height);
                }
                int longest = Math.max(width, height);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, longest / MAX_SIDE);
                param.setSourceSubsampling(step, step, 0, 0);
                return scaledDown(reader.read(0, param));
            } finally {
                reader.dispose();
            }
        } catch (ErrorResponseException | InvalidInputException refused) {
            throw refused;
        } catch (IOException | RuntimeException unreadable) {
            // image readers fail on broken files with all kinds of runtime exceptions
            throw notAnImage();
        }
    }

    private InvalidInputException notAnImage() {
        return new InvalidInputException(Message.of("errors.photo.notAnImage"), Map.of("photo", Message.of("errors.photo.notAnImage.field")));
    }

    private ErrorResponseException tooLarge(int width, int height) {
        String detail = messages.getMessage("hardening.photo.too-large", new Object[] {width, height,
                (long) width * height / 1_000_000, maxPixels / 1_000_000}, LocaleContextHolder.getLocale());
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.PAYLOAD_TOO_LARGE,
                messages.getMessage("hardening.photo.too-large.title", null, LocaleContextHolder.getLocale()), detail);
        return new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, problem, null);
    }

    private static BufferedImage scaledDown(BufferedImage image) {
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
