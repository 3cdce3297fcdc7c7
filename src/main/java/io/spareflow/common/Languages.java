package io.spareflow.common;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages Spareflow speaks — Simplified Chinese and English — and how a request's wish maps onto them. */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);

    private Languages() {
    }

    /** {@code tag} ("en", "zh-CN", any case) if it names a language we speak. */
    public static Optional<Locale> of(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        Locale wanted = Locale.forLanguageTag(tag.trim().replace('_', '-'));
        return SUPPORTED.stream().filter(l -> l.toLanguageTag().equalsIgnoreCase(wanted.toLanguageTag())).findFirst();
    }

    /**
     * The first language of an {@code Accept-Language} header that we speak, by its weights: any {@code zh-*} reads
     * Simplified Chinese (the only Chinese we have), any {@code en-*} English; a malformed header asks for nothing.
     */
    public static Optional<Locale> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .map(range -> range.getRange().split("-")[0])
                    .flatMap(language -> SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)))
                    .findFirst();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
