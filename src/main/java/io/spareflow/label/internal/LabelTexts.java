package io.spareflow.label.internal;

import io.spareflow.label.LabelFormat;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The words printed on labels, from the {@code i18n/labels} bundle. PNG and PDF labels speak the language of the
 * person printing them; ZPL labels are English, because a Zebra printer's resident font (A0) has no Chinese glyphs.
 */
@Component
public class LabelTexts {

    private final MessageSource messages;

    LabelTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** The language of a label printed now in {@code format}. */
    public static Locale locale(LabelFormat format) {
        return format == LabelFormat.ZPL ? Locale.ENGLISH : LocaleContextHolder.getLocale();
    }
}
