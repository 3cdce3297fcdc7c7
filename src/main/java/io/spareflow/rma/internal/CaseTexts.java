package io.spareflow.rma.internal;

import java.util.Arrays;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The texts a case shows people (timeline entries, error details) from the message bundles, in the reader's locale.
 * Numbers are shown as they are, not grouped by the locale (a case's line 1234, a site id).
 */
@Component
class CaseTexts {

    private final MessageSource messages;

    CaseTexts(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... arguments) {
        Object[] shown = Arrays.stream(arguments).map(a -> a instanceof Number ? a.toString() : a).toArray();
        return messages.getMessage(key, shown, LocaleContextHolder.getLocale());
    }

    /** A timeline text about one line; a one-board case's texts read as before. */
    String onLine(CaseEntity entity, CaseLineEntity line, String text) {
        return entity.lines().size() > 1 ? text("case.line.prefix", line.lineNo(), text) : text;
    }
}
