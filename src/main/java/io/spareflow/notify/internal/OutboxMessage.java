package io.spareflow.notify.internal;

import io.spareflow.common.Columns;
import io.spareflow.notify.MailRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

@Entity
@Table(name = "mail_outbox")
public class OutboxMessage {

    public enum Status { PENDING, SENT, FAILED }

    private static final int SUBJECT_LENGTH = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_number")
    private String caseNumber;
    private String kind;
    @Column(name = "dedupe_key")
    private String dedupeKey;
    private String recipient;
    private String subject;
    @Column(name = "text_body")
    private String textBody;
    @Column(name = "html_body")
    private String htmlBody;
    @Column(name = "message_id")
    private String messageId;
    @Column(name = "in_reply_to")
    private String inReplyTo;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private MailAttachment attachment;
    @Column(name = "erase_body_after_send")
    private boolean eraseBodyAfterSend;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status = Status.PENDING;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxMessage() {
    }

    OutboxMessage(String caseNumber, String kind, String dedupeKey, String recipient, RenderedMail mail, String messageId,
                  String inReplyTo, MailAttachment attachment, Instant now) {
        this.caseNumber = caseNumber;
        this.kind = kind;
        this.dedupeKey = dedupeKey;
        this.recipient = recipient;
        this.subject = Columns.cut(mail.subject(), SUBJECT_LENGTH);
        this.textBody = mail.text();
        this.htmlBody = mail.html();
        this.messageId = messageId;
        this.inReplyTo = inReplyTo;
        this.attachment = attachment;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** The body is a secret (a sign-in link): once sent, the outbox keeps only that it was sent. */
    void eraseBodyAfterSend() {
        eraseBodyAfterSend = true;
    }

    void sent(Instant now) {
        if (eraseBodyAfterSend) {
            textBody = "(erased after sending)";
            htmlBody = null;
        }
        status = Status.SENT;
        attempts++;
        sentAt = now;
        lastError = null;
    }

    /** Backs off exponentially; gives up (FAILED) once the message is older than {@code giveUpAfter}. */
    void failed(String error, Instant now, MailSettings settings) {
        attempts++;
        lastError = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
        if (Duration.between(createdAt, now).compareTo(settings.giveUpAfter()) > 0) {
            status = Status.FAILED;
            return;
        }
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration delay = settings.retryInitial().multipliedBy(factor);
        nextAttemptAt = now.plus(delay.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : delay);
    }

    public MailRecord toRecord() {
        return new MailRecord(kind, recipient, subject, status.name(), attempts, lastError, createdAt, sentAt);
    }

    /** An automatic reply to an inbound mail, rather than a notification the service sends of its own accord. */
    boolean isAutoReply() {
        return dedupeKey.startsWith(Outbox.REPLY_KEY_PREFIX);
    }

    String kind() {
        return kind;
    }

    String caseNumber() {
        return caseNumber;
    }

    String recipient() {
        return recipient;
    }

    String subject() {
        return subject;
    }

    String textBody() {
        return textBody;
    }

    String htmlBody() {
        return htmlBody;
    }

    String messageId() {
        return messageId;
    }

    String inReplyTo() {
        return inReplyTo;
    }

    MailAttachment attachment() {
        return attachment;
    }

    Status status() {
        return status;
    }

    int attempts() {
        return attempts;
    }
}
