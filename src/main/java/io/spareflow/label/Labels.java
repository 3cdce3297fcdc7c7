package io.spareflow.label;

import io.spareflow.common.CaseNumber;
import io.spareflow.board.BoardInfo;
import io.spareflow.board.Boards;
import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import io.spareflow.label.internal.Gs1ElementString;
import io.spareflow.label.internal.LabelLayout;
import io.spareflow.label.internal.LabelPrinter;
import io.spareflow.label.internal.LabelRenderer;
import io.spareflow.label.internal.LabelTemplates;
import io.spareflow.label.internal.LabelTexts;
import io.spareflow.label.internal.PdfLabels;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.Locations;
import io.spareflow.part.PartInfo;
import io.spareflow.part.Parts;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Prints labels from the templates in {@code labels/}: board labels (Code 128 serial, GS1 DataMatrix
 * {@code (01)GTIN (21)serial (240)part number}, human-readable part, revision, serial) and shipping labels (from, to,
 * case, tracking Code 128 and QR link). GS1 allows at most 20 characters in (21): a longer serial gets its Code 128
 * only, and the label says why there is no DataMatrix.
 */
@Service
public class Labels {

    /** Board label sizes, in inches; each has the templates {@code labels/board-<size>.json} and {@code .zpl}. */
    public static final List<String> BOARD_SIZES = List.of("2x1", "4x2");
    public static final int MAX_SHEET_LABELS = 500;
    private static final String SHIPPING = "shipping-4x6";

    private final Boards boards;
    private final Parts parts;
    private final Locations locations;
    private final LabelTemplates templates;
    private final LabelRenderer renderer;
    private final PdfLabels pdf;
    private final LabelPrinter printer;
    private final LabelTexts texts;

    Labels(Boards boards, Parts parts, Locations locations, LabelTemplates templates, LabelRenderer renderer, PdfLabels pdf,
           LabelPrinter printer, LabelTexts texts) {
        this.boards = boards;
        this.parts = parts;
        this.locations = locations;
        this.templates = templates;
        this.renderer = renderer;
        this.pdf = pdf;
        this.printer = printer;
        this.texts = texts;
    }

    public byte[] board(String serial, String size, LabelFormat format) {
        String template = boardTemplate(size);
        BoardInfo board = boards.require(serial);
        return printer.print(template, boardValues(board, parts.require(board.partNumber()), LabelTexts.locale(format)),
                format);
    }

    /** Board labels of many serials on A4 sheets (PDF), in the order given. */
    public byte[] boardSheet(List<String> serials, String size) {
        if (serials == null || serials.isEmpty() || serials.size() > MAX_SHEET_LABELS) {
            throw new InvalidInputException(Message.of("errors.label.sheet", MAX_SHEET_LABELS), Map.of("serials",
                    Message.of("errors.label.sheet.field", MAX_SHEET_LABELS)));
        }
        String template = boardTemplate(size);
        LabelLayout layout = templates.layout(template);
        // A sheet holds many boards of few parts: each part is looked up once.
        Map<String, PartInfo> catalogue = new HashMap<>();
        Locale locale = LabelTexts.locale(LabelFormat.PDF);
        List<BufferedImage> images = serials.stream().map(boards::require)
                .map(board -> renderer.render(layout, boardValues(board,
                        catalogue.computeIfAbsent(board.partNumber(), parts::require), locale))).toList();
        return pdf.a4Sheet(images, layout);
    }

    public byte[] shipping(ShippingLabel label, LabelFormat format) {
        return printer.print(SHIPPING, shippingValues(label, LabelTexts.locale(format)), format);
    }

    private static String boardTemplate(String size) {
        String normalized = size == null ? null : size.trim().toLowerCase(Locale.ROOT);
        if (normalized == null || !BOARD_SIZES.contains(normalized)) {
            throw new InvalidInputException(Message.of("errors.label.size", size, BOARD_SIZES.toString()),
                    Map.of("size", Message.of("errors.oneOf", BOARD_SIZES.toString())));
        }
        return "board-" + normalized;
    }

    private Map<String, String> boardValues(BoardInfo board, PartInfo part, Locale locale) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("serial", board.serial());
        values.put("partNumber", board.partNumber());
        values.put("revision", board.revision());
        values.put("description", part.localDescription().in(locale));
        values.put("gtin", part.gtin());
        boolean gs1 = Gs1ElementString.problem("21", board.serial()) == null;
        values.put("gs1", Boolean.toString(gs1));
        values.put("code128Only", gs1 ? "" : texts.text("labels.board.code128Only", locale,
                Gs1ElementString.MAX_SERIAL_LENGTH));
        return values;
    }

    private Map<String, String> shippingValues(ShippingLabel label, Locale locale) {
        Map<String, Message> errors = new LinkedHashMap<>();
        LocationInfo from = location(label.fromLocation(), "from", errors);
        LocationInfo to = location(label.toLocation(), "to", errors);
        String tracking = label.trackingNumber() == null ? "" : label.trackingNumber().trim();
        if (!tracking.matches("[A-Za-z0-9\\-]{4,40}")) {
            errors.put("trackingNumber", Message.of("errors.label.tracking"));
        }
        if (!isWebLink(label.trackingUrl())) {
            errors.put("trackingUrl", Message.of("errors.label.trackingUrl"));
        }
        Optional<CaseNumber> caseNumber = CaseNumber.tryParse(label.caseNumber());
        if (caseNumber.isEmpty()) {
            errors.put("caseNumber", Message.of("errors.code.caseNumber.expected"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Message.of("errors.label.shipping", Message.joined(errors.entrySet().stream()
                    .map(e -> Message.of("errors.field", e.getKey(), e.getValue())).toList(), "; ")), errors);
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("fromCode", from.code());
        values.put("fromName", from.localName().in(locale));
        values.put("fromCity", from.localCity().in(locale));
        values.put("fromCountry", from.country());
        values.put("toCode", to.code());
        values.put("toName", to.localName().in(locale));
        values.put("toCity", to.localCity().in(locale));
        values.put("toCountry", to.country());
        values.put("trackingNumber", tracking.toUpperCase(Locale.ROOT));
        values.put("trackingUrl", label.trackingUrl().trim());
        values.put("caseNumber", caseNumber.get().value());
        return values;
    }

    private LocationInfo location(String code, String field, Map<String, Message> errors) {
        LocationInfo location = locations.find(code).orElse(null);
        if (location == null) {
            errors.put(field, Message.of("errors.label.location", code));
        }
        return location;
    }

    private static boolean isWebLink(String url) {
        if (url == null || url.isBlank() || url.length() > 300) {
            return false;
        }
        try {
            URI uri = URI.create(url.trim());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
