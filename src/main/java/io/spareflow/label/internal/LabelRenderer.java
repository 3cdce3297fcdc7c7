package io.spareflow.label.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import org.springframework.stereotype.Component;

/**
 * Draws a label layout at 300 dpi in black and white, as a thermal printer prints it. Barcodes get whole dots per
 * module and their quiet zones (Code 128: 10 modules, DataMatrix: 2, QR: 4), so independent decoders read them.
 */
@Component
public class LabelRenderer {

    public static final int DPI = 300;
    private static final int CODE128_QUIET_MODULES = 10;
    /** Bars of one dot (3.3 mil at 300 dpi) are below what hand scanners read reliably; two dots (6.7 mil) are not. */
    private static final int CODE128_MIN_MODULE_DOTS = 2;
    private static final int DATAMATRIX_QUIET_MODULES = 2;
    private static final int QR_QUIET_MODULES = 4;

    public BufferedImage render(LabelLayout layout, Map<String, String> values) {
        BufferedImage image = new BufferedImage(dots(layout.widthIn()), dots(layout.heightIn()), BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            for (LabelLayout.Element element : layout.elements()) {
                if (!LabelTemplates.holds(element.when(), values)) {
                    continue;
                }
                Box box = new Box(dots(element.x()), dots(element.y()), dots(element.width()), dots(element.height()));
                switch (element.type()) {
                    case "text" -> text(g, box, LabelTemplates.fill(element.text(), values), element);
                    case "code128" -> code128(g, box, LabelTemplates.fill(element.data(), values), layout.name());
                    case "datamatrix" -> dataMatrix(g, box, gs1(element, values), layout.name());
                    case "qr" -> qr(g, box, LabelTemplates.fill(element.data(), values), layout.name());
                    case "line" -> g.fillRect(box.x(), box.y(), box.width(), Math.max(1, box.height()));
                    default -> throw new IllegalStateException("unknown label element " + element.type());
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** PNG with its resolution recorded (pHYs), so it prints at the label's real size. */
    public byte[] png(BufferedImage image) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    writer.getDefaultWriteParam());
            IIOMetadataNode physical = new IIOMetadataNode("pHYs");
            String dotsPerMetre = Integer.toString((int) Math.round(DPI / 0.0254));
            physical.setAttribute("pixelsPerUnitXAxis", dotsPerMetre);
            physical.setAttribute("pixelsPerUnitYAxis", dotsPerMetre);
            physical.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(physical);
            metadata.mergeTree("javax_imageio_png_1.0", root);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (var stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(image, null, metadata), writer.getDefaultWriteParam());
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("a label could not be written as PNG", e);
        }
    }

    static int dots(double inches) {
        return (int) Math.round(inches * DPI);
    }

    private record Box(int x, int y, int width, int height) {
    }

    /** Text from the top of its box; a long value (a description, a long name) is shrunk to fit the box's width. */
    private static void text(Graphics2D g, Box box, String text, LabelLayout.Element element) {
        int size = (int) Math.round((element.pt() == null ? 8 : element.pt()) * DPI / 72.0);
        int style = Boolean.TRUE.equals(element.bold()) ? Font.BOLD : Font.PLAIN;
        Font font = LabelFonts.font(text, style, size);
        FontMetrics metrics = g.getFontMetrics(font);
        while (box.width() > 0 && metrics.stringWidth(text) > box.width() && size > 12) {
            size--;
            font = font.deriveFont((float) size);
            metrics = g.getFontMetrics(font);
        }
        g.setFont(font);
        g.drawString(text, box.x(), box.y() + metrics.getAscent());
    }

    private static void code128(Graphics2D g, Box box, String data, String label) {
        boolean[] modules = new Code128Writer().encode(data);
        int moduleDots = box.width() / (modules.length + 2 * CODE128_QUIET_MODULES);
        if (moduleDots < CODE128_MIN_MODULE_DOTS) {
            throw new InvalidInputException(Message.of("errors.label.code128", data, label, CODE128_MIN_MODULE_DOTS));
        }
        int left = box.x() + (box.width() - modules.length * moduleDots) / 2;
        for (int i = 0; i < modules.length; i++) {
            if (modules[i]) {
                g.fillRect(left + i * moduleDots, box.y(), moduleDots, box.height());
            }
        }
    }

    /** GS1 element string, checked for conformance: FNC1 first, GS (encoded as FNC1) after variable-length fields. */
    private static String gs1(LabelLayout.Element element, Map<String, String> values) {
        return Gs1ElementString.encode(Gs1ElementString.fields(element.gs1().stream()
                .map(field -> LabelTemplates.fill(field, values)).toList()));
    }

    private static void dataMatrix(Graphics2D g, Box box, String gs1ElementString, String label) {
        matrix(g, box, Gs1DataMatrix.encode(gs1ElementString), DATAMATRIX_QUIET_MODULES, "DataMatrix", label);
    }

    private static void qr(Graphics2D g, Box box, String data, String label) {
        try {
            Map<EncodeHintType, Object> hints = Map.of(EncodeHintType.MARGIN, 0,
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.CHARACTER_SET, "UTF-8");
            matrix(g, box, new QRCodeWriter().encode(data, BarcodeFormat.QR_CODE, 0, 0, hints), QR_QUIET_MODULES,
                    "QR code", label);
        } catch (WriterException e) {
            throw new IllegalArgumentException("'" + data + "' cannot be a QR code: " + e.getMessage(), e);
        }
    }

    /** A 2D symbol given one pixel per module, drawn with whole dots per module, centred, quiet zone inside the box. */
    private static void matrix(Graphics2D g, Box box, BitMatrix symbol, int quietModules, String kind, String label) {
        int moduleDots = Math.min(box.width() / (symbol.getWidth() + 2 * quietModules),
                box.height() / (symbol.getHeight() + 2 * quietModules));
        if (moduleDots < 1) {
            throw new IllegalArgumentException("the " + kind + " does not fit the " + label + ": use a larger label");
        }
        int left = box.x() + (box.width() - symbol.getWidth() * moduleDots) / 2;
        int top = box.y() + (box.height() - symbol.getHeight() * moduleDots) / 2;
        for (int y = 0; y < symbol.getHeight(); y++) {
            for (int x = 0; x < symbol.getWidth(); x++) {
                if (symbol.get(x, y)) {
                    g.fillRect(left + x * moduleDots, top + y * moduleDots, moduleDots, moduleDots);
                }
            }
        }
    }
}
