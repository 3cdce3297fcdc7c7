package io.spareflow.label.internal;

import java.util.List;

/**
 * A label layout as written in {@code labels/<name>.json}: the label's size and what is printed where, in inches
 * from the top-left corner. Values in braces ({@code {serial}}) are filled in when the label is printed.
 */
public record LabelLayout(String name, double widthIn, double heightIn, List<Element> elements) {

    /**
     * One printed element. {@code type}: {@code text} ({@code text}, {@code pt}, {@code bold}, shrunk to {@code width}),
     * {@code code128} ({@code data}), {@code datamatrix} (GS1 elements {@code gs1}, each {@code "AI:value"}),
     * {@code qr} ({@code data}) or {@code line} (a filled box). Barcodes are centred in their box, quiet zones inside it.
     * {@code when} names a condition of the label's values ({@code gs1}, or {@code !gs1} for its negation): the
     * element is printed only when it holds; without {@code when} it always is.
     */
    public record Element(String type, double x, double y, double width, double height, String text, String data,
                          List<String> gs1, Double pt, Boolean bold, String when) {
    }
}
