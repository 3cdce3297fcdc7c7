package io.spareflow.label.internal;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.stereotype.Component;

/**
 * PDFs of rendered labels at their real size: one label on a page of its own size (for a label printer's PDF driver),
 * or many on A4 sheets for an office printer. The 300 dpi images are embedded losslessly, so barcodes stay exact.
 */
@Component
public class PdfLabels {

    private static final float POINTS_PER_INCH = 72f;
    /** Printers cannot print to the paper's edge: 10 mm margins; 3 mm between labels for cutting. */
    private static final float SHEET_MARGIN = 10 / 25.4f * POINTS_PER_INCH;
    private static final float GAP = 3 / 25.4f * POINTS_PER_INCH;

    public byte[] single(BufferedImage label, LabelLayout layout) {
        PDRectangle size = new PDRectangle((float) layout.widthIn() * POINTS_PER_INCH, (float) layout.heightIn() * POINTS_PER_INCH);
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(size);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image(document, label), 0, 0, size.getWidth(), size.getHeight());
            }
            return bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException("a label PDF could not be written", e);
        }
    }

    /** Labels left to right, top to bottom, as many A4 pages as needed. */
    public byte[] a4Sheet(List<BufferedImage> labels, LabelLayout layout) {
        float width = (float) layout.widthIn() * POINTS_PER_INCH;
        float height = (float) layout.heightIn() * POINTS_PER_INCH;
        PDRectangle a4 = PDRectangle.A4;
        int columns = Math.max(1, (int) ((a4.getWidth() - 2 * SHEET_MARGIN + GAP) / (width + GAP)));
        int rows = Math.max(1, (int) ((a4.getHeight() - 2 * SHEET_MARGIN + GAP) / (height + GAP)));
        int perPage = columns * rows;
        try (PDDocument document = new PDDocument()) {
            for (int first = 0; first < labels.size(); first += perPage) {
                PDPage page = new PDPage(a4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    for (int i = first; i < Math.min(labels.size(), first + perPage); i++) {
                        int slot = i - first;
                        float x = SHEET_MARGIN + (slot % columns) * (width + GAP);
                        float y = a4.getHeight() - SHEET_MARGIN - (slot / columns + 1) * height - (slot / columns) * GAP;
                        PDImageXObject image = image(document, labels.get(i));
                        content.drawImage(image, x, y, width, height);
                    }
                }
            }
            return bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException("a label sheet PDF could not be written", e);
        }
    }

    /**
     * The label's black-and-white raster as a PDF image, unchanged: a 1-bit image's packed rows (0 black, 1 white, each
     * row starting on a whole byte) are DeviceGray at 1 bit per component as they are, so they are only deflated.
     * pdfbox's {@code LosslessFactory} writes such an image bit by bit through an image stream, which was most of the
     * CPU of sending a case's mails with their return label (docs/performance.md, issue 15, fifth session).
     */
    private static PDImageXObject image(PDDocument document, BufferedImage label) throws IOException {
        if (label.getType() != BufferedImage.TYPE_BYTE_BINARY || label.getColorModel().getPixelSize() != 1
                || ((IndexColorModel) label.getColorModel()).getRGB(0) != Color.BLACK.getRGB()
                || !(label.getRaster().getDataBuffer() instanceof DataBufferByte packed) || packed.getOffset() != 0
                || label.getRaster().getSampleModelTranslateX() != 0 || label.getRaster().getSampleModelTranslateY() != 0) {
            throw new IllegalArgumentException("labels are rendered in black and white at 1 bit per dot, not " + label);
        }
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated)) {
            out.write(packed.getData(), 0, (label.getWidth() + 7) / 8 * label.getHeight());
        }
        return new PDImageXObject(document, new ByteArrayInputStream(deflated.toByteArray()), COSName.FLATE_DECODE,
                label.getWidth(), label.getHeight(), 1, PDDeviceGray.INSTANCE);
    }

    private static byte[] bytes(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
