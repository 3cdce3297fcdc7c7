package io.spareflow.common;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Texts a person reads, from the message bundles, in the locale of the current request (or a given one). */
@Component
public class Texts {

    private final MessageSource messages;

    public Texts(MessageSource messages) {
        this.messages = messages;
    }

    public String get(String key, Object... args) {
        return in(LocaleContextHolder.getLocale(), key, args);
    }

    public String in(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
