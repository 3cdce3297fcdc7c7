package io.spareflow.notify.internal;

import io.spareflow.platform.MailboxEndpoint;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the service's own IMAP inbox: every unseen mail is handled once and then flagged seen. A mail that fails is
 * recorded as FAILED and flagged too, so one bad mail never blocks the others.
 */
@Component
class InboundMailPoller {

    private static final Logger log = LoggerFactory.getLogger(InboundMailPoller.class);

    private final InboundMailHandler handler;
    private final MailSettings settings;
    private final Optional<MailboxEndpoint> embeddedMailbox;

    InboundMailPoller(InboundMailHandler handler, MailSettings settings, Optional<MailboxEndpoint> embeddedMailbox) {
        this.handler = handler;
        this.settings = settings;
        this.embeddedMailbox = embeddedMailbox;
    }

    @Scheduled(fixedDelayString = "${spareflow.mail.imap.poll-interval:PT10S}", initialDelayString = "PT5S")
    void poll() {
        if (!settings.imap().enabled()) {
            return;
        }
        MailboxEndpoint mailbox = embeddedMailbox.orElseGet(() -> new MailboxEndpoint(settings.imap().host(),
                settings.imap().port(), settings.imap().username(), settings.imap().password()));
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "10000");
        properties.put("mail.imap.timeout", "30000");
        try (Store store = Session.getInstance(properties).getStore("imap")) {
            store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                for (Message message : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    handleOne(message);
                    message.setFlag(Flags.Flag.SEEN, true);
                }
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException e) {
            log.warn("Mailbox {} on {}:{} not read: {}", mailbox.username(), mailbox.host(), mailbox.port(), e.getMessage());
        }
    }

    private void handleOne(Message message) {
        InboundMail mail;
        try {
            mail = InboundMail.read(message, settings.maxInboundBodyChars());
        } catch (MessagingException e) {
            log.warn("Unreadable inbound mail skipped: {}", e.getMessage());
            return;
        }
        try {
            handler.handle(mail);
        } catch (RuntimeException e) {
            log.warn("Inbound mail {} from {} failed: {}", mail.key(), mail.sender(), e.toString());
            handler.recordFailure(mail, e.toString());
        }
    }
}
