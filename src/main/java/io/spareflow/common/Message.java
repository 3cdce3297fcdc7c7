package io.spareflow.common;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;

/**
 * A text a person reads, named by its message key and arguments rather than written out, so that it is worded in the
 * reader's language where it is shown (an API answer, a page) and not where it is made. Arguments that are themselves
 * {@code Message}s are worded in the same language.
 */
public record Message(String key, List<Object> args) {

    public Message {
        Objects.requireNonNull(key, "key");
        args = Collections.unmodifiableList(Arrays.asList(args.toArray()));
    }

    public static Message of(String key, Object... args) {
        return new Message(key, Arrays.asList(args));
    }

    /** Several sentences one after the other, as one text. */
    public static Message sentences(List<Message> parts) {
        return joined(parts, " ");
    }

    /** Several texts as one, between each two the {@code separator}. */
    public static Message joined(List<Message> parts, String separator) {
        return of("errors.joined", new Joined(List.copyOf(parts), separator));
    }

    /** In {@code locale}; a moment among the arguments is shown as it is ({@code 2026-12-01T08:00:00Z}). */
    public String in(MessageSource messages, Locale locale) {
        return in(messages, locale, null);
    }

    /**
     * In {@code locale}, a moment among the arguments as its reader reads it: in {@code zone} and the language's format
     * ({@link ReaderTime}); as it is when {@code zone} is null.
     */
    public String in(MessageSource messages, Locale locale, ZoneId zone) {
        Object[] worded = args.stream().map(a -> a instanceof Message m ? m.in(messages, locale, zone)
                : a instanceof Joined j ? j.in(messages, locale, zone)
                : a instanceof Instant at && zone != null ? ReaderTime.format(messages, at, zone, locale) : a).toArray();
        return messages.getMessage(key, worded, locale);
    }

    /** Whether a moment is among the arguments, here or in a nested text: only then does its wording need a zone. */
    public boolean namesAMoment() {
        return args.stream().anyMatch(a -> a instanceof Instant || a instanceof Message m && m.namesAMoment()
                || a instanceof Joined j && j.parts().stream().anyMatch(Message::namesAMoment));
    }

    /** Texts worded one after the other as one argument (kept as such when stored, see {@link StoredMessage}). */
    record Joined(List<Message> parts, String separator) {

        String in(MessageSource messages, Locale locale, ZoneId zone) {
            return parts.stream().map(m -> m.in(messages, locale, zone)).collect(Collectors.joining(separator));
        }
    }

    /** In English, for logs and engine incidents, which have no reader's language. */
    public String english() {
        return in(EnglishTexts.MESSAGES, Locale.ENGLISH);
    }
}
