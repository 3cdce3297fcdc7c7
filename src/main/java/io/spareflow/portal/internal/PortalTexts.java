package io.spareflow.portal.internal;

import io.spareflow.common.Message;
import io.spareflow.notify.CustomerTimeline;
import io.spareflow.rma.CaseView;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The portal's words for what the service records: the customer-facing timeline (its allow-list is the tracking
 * page's, {@link CustomerTimeline}) and refusals, from the portal's message bundle in the request's language.
 */
@Component("portalTexts")
class PortalTexts {

    /** One timeline line in the contact's language. */
    record Line(java.time.Instant at, String text) {
    }

    private final MessageSource messages;

    PortalTexts(MessageSource messages) {
        this.messages = messages;
    }

    List<Line> timeline(CaseView c) {
        return CustomerTimeline.of(c).stream()
                .map(step -> new Line(step.at(), CustomerTimeline.text(step, messages, LocaleContextHolder.getLocale())))
                .toList();
    }

    String text(Message message) {
        return message.in(messages, LocaleContextHolder.getLocale());
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
