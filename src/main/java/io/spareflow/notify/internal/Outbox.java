package io.spareflow.notify.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Queues mail in the caller's transaction: if the change that causes it rolls back, so does the mail. */
@Component
class Outbox {

    /** Dedupe keys of automatic replies to inbound mail start with this; they go out as Auto-Submitted: auto-replied. */
    static final String REPLY_KEY_PREFIX = "reply:";

    private final OutboxRepository repository;
    private final MailSettings settings;
    private final Clock clock;

    Outbox(OutboxRepository repository, MailSettings settings, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
    }

    /** Queues one mail unless a mail with the same dedupe key was queued before; returns its Message-ID. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<String> enqueue(String caseNumber, String kind, String dedupeKey, String recipient, RenderedMail mail,
                             String inReplyTo) {
        return enqueue(caseNumber, kind, dedupeKey, recipient, mail, inReplyTo, null);
    }

    /** As {@link #enqueue(String, String, String, String, RenderedMail, String)}, with a document attached when sent. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<String> enqueue(String caseNumber, String kind, String dedupeKey, String recipient, RenderedMail mail,
                             String inReplyTo, MailAttachment attachment) {
        if (repository.existsByDedupeKey(dedupeKey)) {
            return Optional.empty();
        }
        String messageId = messageIdFor(kind);
        repository.save(new OutboxMessage(caseNumber, kind, dedupeKey, recipient, mail, messageId, inReplyTo, attachment,
                clock.instant()));
        return Optional.of(messageId);
    }

    /** Queues the automatic answer to an inbound mail (once per mail), in the thread of that mail. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<String> enqueueReply(InboundMail mail, String caseNumber, String kind, RenderedMail rendered) {
        return enqueue(caseNumber, kind, mail.replyKey(), mail.sender(), rendered, mail.replyTarget());
    }

    /** Queues a mail whose body is a secret (e.g. a one-time sign-in link): its body is erased once it is sent. */
    @Transactional(propagation = Propagation.MANDATORY)
    void enqueueSecret(String kind, String dedupeKey, String recipient, RenderedMail mail) {
        if (repository.existsByDedupeKey(dedupeKey)) {
            return;
        }
        OutboxMessage message = new OutboxMessage(null, kind, dedupeKey, recipient, mail, messageIdFor(kind), null, null,
                clock.instant());
        message.eraseBodyAfterSend();
        repository.save(message);
    }

    private String messageIdFor(String kind) {
        return "<" + UUID.randomUUID() + "." + kind.toLowerCase(java.util.Locale.ROOT) + "@" + domainOf(settings.from()) + ">";
    }

    private static String domainOf(String address) {
        int at = address.indexOf('@');
        return at < 0 ? "spareflow.local" : address.substring(at + 1);
    }
}
