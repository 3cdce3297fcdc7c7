package io.spareflow.label;

import io.spareflow.common.CaseNumber;
import io.spareflow.board.BoardInfo;
import io.spareflow.board.Boards;
import io.spareflow.common.InvalidInputException;
import io.spareflow.label.internal.LabelLayout;
import io.spareflow.label.internal.LabelRenderer;
import io.spareflow.label.internal.LabelTemplates;
import io.spareflow.label.internal.PdfLabels;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.Locations;
import io.spareflow.part.PartInfo;
import io.spareflow.part.Parts;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;

/**
 * Prints labels from the templates in {@code labels/}: board labels (Code 128 serial, GS1 DataMatrix with part and
 * serial, human-readable part, revision, serial) and shipping labels (from, to, case, tracking Code 128 and QR link).
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

    Labels(Boards boards, Parts parts, Locations locations, LabelTemplates templates, LabelRenderer renderer, PdfLabels pdf) {
        this.boards = boards;
        this.parts = parts;
        this.locations = locations;
        this.templates = templates;
        this.renderer = renderer;
        this.pdf = pdf;
    }

    public byte[] board(String serial, String size, LabelFormat format) {
        String template = boardTemplate(size);
        BoardInfo board = boards.require(serial);
        return print(template, boardValues(board, description(board.partNumber())), format);
    }

    /** Board labels of many serials on A4 sheets (PDF), in the order given. */
    public byte[] boardSheet(List<String> serials, String size) {
        if (serials == null || serials.isEmpty() || serials.size() > MAX_SHEET_LABELS) {
            throw new InvalidInputException("A label sheet needs 1 to " + MAX_SHEET_LABELS + " serials", Map.of("serials",
                    "1 to " + MAX_SHEET_LABELS + " serials"));
        }
        String template = boardTemplate(size);
        LabelLayout layout = templates.layout(template);
        // A sheet holds many boards of few parts: each part's description is looked up once.
        Map<String, String> descriptions = new HashMap<>();
        List<BufferedImage> images = serials.stream().map(boards::require)
                .map(board -> renderer.render(layout, boardValues(board,
                        descriptions.computeIfAbsent(board.partNumber(), this::description)))).toList();
        return pdf.a4Sheet(images, layout);
    }

    public byte[] shipping(ShippingLabel label, LabelFormat format) {
        return print(SHIPPING, shippingValues(label), format);
    }

    private byte[] print(String template, Map<String, String> values, LabelFormat format) {
        return switch (format) {
            case PNG -> renderer.png(renderer.render(templates.layout(template), values));
            case PDF -> {
                LabelLayout layout = templates.layout(template);
                yield pdf.single(renderer.render(layout, values), layout);
            }
            // ZPL field data ends at ^ and commands start with ~: keep them out of printed values.
            case ZPL -> LabelTemplates.fill(templates.zpl(template), escaped(values, v -> v.replace('^', ' ').replace('~', ' ')))
                    .getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String boardTemplate(String size) {
        String normalized = size == null ? null : size.trim().toLowerCase(Locale.ROOT);
        if (normalized == null || !BOARD_SIZES.contains(normalized)) {
            throw new InvalidInputException("Label size '" + size + "' is not offered: choose one of " + BOARD_SIZES
                    + " (inches)", Map.of("size", "one of " + BOARD_SIZES));
        }
        return "board-" + normalized;
    }

    private static Map<String, String> boardValues(BoardInfo board, String description) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("serial", board.serial());
        values.put("partNumber", board.partNumber());
        values.put("revision", board.revision());
        values.put("description", description);
        return values;
    }

    private String description(String partNumber) {
        return parts.find(partNumber).map(PartInfo::description).orElse("");
    }

    private Map<String, String> shippingValues(ShippingLabel label) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocationInfo from = location(label.fromLocation(), "from", errors);
        LocationInfo to = location(label.toLocation(), "to", errors);
        String tracking = label.trackingNumber() == null ? "" : label.trackingNumber().trim();
        if (!tracking.matches("[A-Za-z0-9\\-]{4,40}")) {
            errors.put("trackingNumber", "4 to 40 letters, digits or dashes");
        }
        if (!isWebLink(label.trackingUrl())) {
            errors.put("trackingUrl", "an http or https link of at most 300 characters");
        }
        Optional<CaseNumber> caseNumber = CaseNumber.tryParse(label.caseNumber());
        if (caseNumber.isEmpty()) {
            errors.put("caseNumber", "1 to 40 letters, digits, . - / _");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("A shipping label needs " + String.join("; ", errors.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).toList()), errors);
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("fromCode", from.code());
        values.put("fromName", from.name());
        values.put("fromCity", from.city());
        values.put("fromCountry", from.country());
        values.put("toCode", to.code());
        values.put("toName", to.name());
        values.put("toCity", to.city());
        values.put("toCountry", to.country());
        values.put("trackingNumber", tracking.toUpperCase(Locale.ROOT));
        values.put("trackingUrl", label.trackingUrl().trim());
        values.put("caseNumber", caseNumber.get().value());
        return values;
    }

    private LocationInfo location(String code, String field, Map<String, String> errors) {
        LocationInfo location = locations.find(code).orElse(null);
        if (location == null) {
            errors.put(field, "'" + code + "' is not a location code");
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

    private static Map<String, String> escaped(Map<String, String> values, UnaryOperator<String> escape) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, escape.apply(v)));
        return out;
    }
}
