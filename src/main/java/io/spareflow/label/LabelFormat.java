package io.spareflow.label;

import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import java.util.Map;

/** What a label is printed from: a 300 dpi image, a PDF for office printers, or ZPL for Zebra thermal printers. */
public enum LabelFormat {
    PNG("image/png"),
    PDF("application/pdf"),
    ZPL("text/plain;charset=UTF-8");

    private final String mediaType;

    LabelFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The format of a file extension ({@code png}, {@code pdf}, {@code zpl}, any case). */
    public static LabelFormat ofExtension(String extension) {
        for (LabelFormat format : values()) {
            if (format.name().equalsIgnoreCase(extension)) {
                return format;
            }
        }
        throw new InvalidInputException(Message.of("errors.label.format", extension),
                Map.of("format", Message.of("errors.label.format.field")));
    }

    public String mediaType() {
        return mediaType;
    }
}
