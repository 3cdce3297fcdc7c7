package io.spareflow.notify.internal;

import io.spareflow.platform.MailboxEndpoint;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import java.util.Optional;
import java.util.Properties;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the service's own IMAP inbox, on one node at a time: every unseen mail is handled once, in its own try, and
 * then flagged seen. A mail that cannot be handled, whatever the reason, is recorded as FAILED and moved to the folder
 * {@value #FAILED_FOLDER}, and the next one goes on: one bad mail never blocks the others.
 */
@Component
class InboundMailPoller {

    static final String FAILED_FOLDER = "Spareflow-Failed";
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
    @SchedulerLock(name = "inbound-mail-poll", lockAtMostFor = "PT10M")
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
            boolean moved = false;
            try {
                for (Message message : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    moved |= handleOne(store, inbox, message);
                }
            } finally {
                inbox.close(moved);
            }
        } catch (MessagingException | RuntimeException e) {
            // The mailbox or the database is away: what was not handled stays unseen and is read on the next poll.
            log.warn("Mailbox {} on {}:{} not read completely: {}", mailbox.username(), mailbox.host(), mailbox.port(), e.toString());
        }
    }

    /** Handles one mail; returns true when it had to be moved to the failed folder. */
    private boolean handleOne(Store store, Folder inbox, Message message) throws MessagingException {
        InboundMail mail = null;
        try {
            mail = InboundMail.read(message, settings.maxInboundBodyChars());
            handler.handle(mail);
            message.setFlag(Flags.Flag.SEEN, true);
            return false;
        } catch (Throwable e) { // NOPMD: any failure of one mail, even an Error, must not stop the others
            InboundMail failed = mail != null ? mail : InboundMail.unreadable(placeOf(inbox, message));
            log.warn("Inbound mail {} from {} failed, moved to {}: {}", failed.key(), failed.sender(), FAILED_FOLDER, e.toString());
            handler.recordFailure(failed, e.toString());
            moveToFailed(store, inbox, message);
            return true;
        }
    }

    private static void moveToFailed(Store store, Folder inbox, Message message) throws MessagingException {
        Folder failed = store.getFolder(FAILED_FOLDER);
        if (!failed.exists()) {
            failed.create(Folder.HOLDS_MESSAGES);
        }
        message.setFlag(Flags.Flag.SEEN, true);
        inbox.copyMessages(new Message[] {message}, failed);
        message.setFlag(Flags.Flag.DELETED, true);
    }

    /** The mail's place in the mailbox (UIDVALIDITY and UID), which stays the same until it is moved. */
    private static String placeOf(Folder inbox, Message message) {
        try {
            if (inbox instanceof UIDFolder uids) {
                return "imap:" + uids.getUIDValidity() + ":" + uids.getUID(message);
            }
        } catch (MessagingException | RuntimeException e) {
            // fall back to the sequence number
        }
        return "imap:seq:" + message.getMessageNumber();
    }
}
