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

    private final MessageSource messages;

    PortalTexts(MessageSource messages) {
        this.messages = messages;
    }

    List<CustomerTimeline.WordedStep> timeline(CaseView c) {
        return CustomerTimeline.worded(c, messages, LocaleContextHolder.getLocale());
    }

    String text(Message message) {
        return message.in(messages, LocaleContextHolder.getLocale());
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
