package io.spareflow.rma.internal;

import io.spareflow.common.Message;
import io.spareflow.user.Users;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The texts a case shows people (timeline entries) as messages from the bundles, kept as such and worded when read,
 * in the reader's language and time zone. Numbers are shown as they are, not grouped by the locale (a case's line
 * 1234, a site id).
 */
@Component
class CaseTexts {

    private final MessageSource messages;
    private final Users users;

    CaseTexts(MessageSource messages, Users users) {
        this.messages = messages;
        this.users = users;
    }

    Message text(String key, Object... arguments) {
        return new Message(key, Arrays.stream(arguments).map(a -> a instanceof Number ? a.toString() : a).toList());
    }

    /** A timeline text about one line; a one-board case's texts read as before. */
    Message onLine(CaseEntity entity, CaseLineEntity line, Message text) {
        return entity.lines().size() > 1 ? text("case.line.prefix", line.lineNo(), text) : text;
    }

    /** The current reader's language (the request's) and time zone (the signed-in user's location's). */
    Reading reading() {
        return new Reading(messages, LocaleContextHolder.getLocale(), SingletonSupplier.of(users::currentZone));
    }

    /** How one reader reads the texts of cases; their zone is looked up once, and only for a text naming a moment. */
    record Reading(MessageSource messages, Locale locale, Supplier<ZoneId> zone) {

        String word(Message text) {
            return text.in(messages, locale, text.namesAMoment() ? zone.get() : null);
        }
    }
}
