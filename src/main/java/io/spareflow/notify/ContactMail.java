package io.spareflow.notify;

import io.spareflow.customer.ContactInfo;
import io.spareflow.notify.internal.ContactMailQueue;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mail to a customer contact that is not about one case, through the outbox (retries, survives an outage), in the
 * contact's language. For mail whose body is a secret, such as the portal's one-time sign-in link.
 */
@Service
public class ContactMail {

    private final ContactMailQueue queue;

    ContactMail(ContactMailQueue queue) {
        this.queue = queue;
    }

    /**
     * Queues a mail rendered from {@code templates/<template>.html} (its texts message keys, its {@code <title>} the
     * subject) in the contact's language; queued once per {@code dedupeKey}. The body is erased from the outbox once
     * it is sent: the outbox keeps that the mail went out, not the secret it carried.
     */
    @Transactional
    public void queueSecret(ContactInfo contact, String kind, String dedupeKey, String template, Map<String, Object> variables) {
        queue.queueSecret(contact, kind, dedupeKey, template, variables);
    }
}
