package io.spareflow.notify.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private final Clock clock;

    OutboxSender(OutboxRepository repository, JavaMailSender mailSender, MailSettings settings,
                 TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.mailSender = mailSender;
        this.settings = settings;
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
            } catch (MailException | MessagingException | UnsupportedEncodingException e) {
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

    private MimeMessage toMime(OutboxMessage message) throws MessagingException, UnsupportedEncodingException {
        String messageId = message.messageId();
        MimeMessage mime = new MimeMessage(mailSender.createMimeMessage().getSession()) {
            // Keep our Message-ID on retries, so a receiver can recognise a resent message.
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(mime, message.htmlBody() != null, "UTF-8");
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
        if (message.inReplyTo() != null) {
            mime.setHeader("In-Reply-To", message.inReplyTo());
            mime.setHeader("References", message.inReplyTo());
        }
        return mime;
    }
}
