package io.spareflow.common;

import java.util.Locale;

/**
 * A name in English and, for what a Chinese reader knows by a Chinese name (domestic locations, parts, product
 * lines), in Simplified Chinese. {@code chinese} is null where there is none: every reader then reads the English one.
 */
public record LocalizedName(String english, String chinese) {

    public LocalizedName {
        chinese = chinese == null || chinese.isBlank() ? null : chinese;
    }

    /** The name for a reader of {@code locale}: the Chinese one for a Chinese reader, when there is one. */
    public String in(Locale locale) {
        return chinese != null && locale != null && "zh".equals(locale.getLanguage()) ? chinese : english;
    }
}
