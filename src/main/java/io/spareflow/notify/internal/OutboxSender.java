package io.spareflow.notify.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox mail. Each batch is claimed with row locks (safe with several nodes), sent, and marked SENT in the
 * same transaction; a failure schedules a retry with backoff. If the process dies between the SMTP hand-off and the
 * commit, that one message is sent again with the same Message-ID (at-least-once; the window is one SMTP call).
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final OutboxRepository repository;
    private final JavaMailSender mailSender;
    private final MailSettings settings;
    private final TransactionTemplate transactions;
    private final MailAttachments attachments;
    private final Clock clock;

    OutboxSender(OutboxRepository repository, JavaMailSender mailSender, MailSettings settings,
                 TransactionTemplate transactions, MailAttachments attachments, Clock clock) {
        this.repository = repository;
        this.mailSender = mailSender;
        this.settings = settings;
        this.attachments = attachments;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${spareflow.mail.send-interval:PT2S}", initialDelayString = "PT3S")
    void sendDue() {
        int sent;
        do {
            sent = transactions.execute(tx -> sendBatch());
        } while (sent == settings.batchSize());
    }

    /** Sends one batch; returns how many messages it handled. */
    int sendBatch() {
        List<OutboxMessage> due = repository.lockDue(clock.instant(), settings.batchSize());
        boolean serverDown = false;
        for (OutboxMessage message : due) {
            if (serverDown) {
                message.failed("not tried: the mail server was unreachable for an earlier message", clock.instant(), settings);
                continue;
            }
            try {
                mailSender.send(toMime(message));
                message.sent(clock.instant());
            } catch (MailException | MessagingException | UnsupportedEncodingException | AttachmentFailure e) {
                message.failed(e.getMessage(), clock.instant(), settings);
                serverDown = isConnectionFailure(e);
                log.warn("Mail {} to {} not sent (attempt {}): {}", message.messageId(), message.recipient(),
                        message.attempts(), e.getMessage());
            }
        }
        repository.saveAll(due);
        return due.size();
    }

    /** The server cannot be reached at all: the rest of the batch waits for the next try instead of timing out too. */
    private static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
            if (t instanceof org.springframework.mail.MailSendException send) {
                for (Exception failure : send.getFailedMessages().values()) {
                    if (isConnectionFailure(failure)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The message's attachment, rendered now. A renderer that fails is a failed attempt (retried like an unreachable
     * server); a case that has no such document any more gets its mail without it.
     */
    private Optional<MailAttachments.Document> attachmentOf(OutboxMessage message) throws AttachmentFailure {
        if (message.attachment() == null) {
            return Optional.empty();
        }
        try {
            Optional<MailAttachments.Document> document = attachments.render(message.attachment(), message.caseNumber(),
                    message.recipient());
            if (document.isEmpty()) {
                log.warn("Mail {}: no {} for case {}; sent without it", message.messageId(), message.attachment(),
                        message.caseNumber());
            }
            return document;
        } catch (RuntimeException e) {
            throw new AttachmentFailure(message.attachment() + " of case " + message.caseNumber() + " could not be rendered: "
                    + e.getMessage(), e);
        }
    }

    /** The attachment could not be rendered: this attempt fails, a later one may succeed. */
    private static final class AttachmentFailure extends Exception {
        AttachmentFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private MimeMessage toMime(OutboxMessage message) throws MessagingException, UnsupportedEncodingException,
            AttachmentFailure {
        String messageId = message.messageId();
        MimeMessage mime = new MimeMessage(mailSender.createMimeMessage().getSession()) {
            // Keep our Message-ID on retries, so a receiver can recognise a resent message.
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        Optional<MailAttachments.Document> attachment = attachmentOf(message);
        MimeMessageHelper helper = new MimeMessageHelper(mime, message.htmlBody() != null || attachment.isPresent(), "UTF-8");
        helper.setFrom(new InternetAddress(settings.from(), settings.fromName(), "UTF-8"));
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        if (message.htmlBody() != null) {
            helper.setText(message.textBody(), message.htmlBody());
        } else {
            helper.setText(message.textBody());
        }
        // RFC 3834: every mail of ours is automatic; replies say so, so that a well-behaved responder never answers.
        mime.setHeader("Auto-Submitted", message.isAutoReply() ? "auto-replied" : "auto-generated");
        mime.setHeader("X-Auto-Response-Suppress", "All");
        if (attachment.isPresent()) {
            MailAttachments.Document document = attachment.get();
            helper.addAttachment(document.fileName(), new ByteArrayResource(document.content()), document.mediaType());
        }
        if (message.inReplyTo() != null) {
            mime.setHeader("In-Reply-To", message.inReplyTo());
            mime.setHeader("References", message.inReplyTo());
        }
        return mime;
    }
}
