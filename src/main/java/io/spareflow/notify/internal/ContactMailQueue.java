package io.spareflow.notify.internal;

import io.spareflow.customer.ContactInfo;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Renders a contact's mail in their language and queues it in the outbox (see {@code notify.ContactMail}). */
@Component
public class ContactMailQueue {

    private final MailRenderer renderer;
    private final Outbox outbox;

    ContactMailQueue(MailRenderer renderer, Outbox outbox) {
        this.renderer = renderer;
        this.outbox = outbox;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void queueSecret(ContactInfo contact, String kind, String dedupeKey, String template, Map<String, Object> variables) {
        Map<String, Object> vars = new HashMap<>(variables);
        vars.put("contactName", contact.name());
        outbox.enqueueSecret(kind, dedupeKey, contact.email(), renderer.renderIn(template, contact.language(), vars));
    }
}
