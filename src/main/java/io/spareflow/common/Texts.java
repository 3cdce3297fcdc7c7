package io.spareflow.common;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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

    public String get(Message message) {
        return message.in(messages, LocaleContextHolder.getLocale());
    }

    /** Each value worded in the current request's language, in the map's order. */
    public Map<String, String> get(Map<String, Message> messages) {
        Map<String, String> worded = new LinkedHashMap<>();
        messages.forEach((name, message) -> worded.put(name, get(message)));
        return worded;
    }

    public String in(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
