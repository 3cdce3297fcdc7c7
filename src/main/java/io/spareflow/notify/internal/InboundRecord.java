package io.spareflow.notify.internal;

import io.spareflow.common.Columns;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One processed inbound mail: its key makes processing happen once, even across restarts. */
@Entity
@Table(name = "mail_inbound")
class InboundRecord {

    enum Outcome {
        STATUS_REPLY, CASE_CREATED, NEEDS_DETAILS, SERIAL_ALREADY_OPEN, REFUSED, IGNORED, FAILED,
        /** Sent by a program, a list or a bounce, or forged from our own address: never answered (RFC 3834). */
        AUTOMATIC,
        /** An answer was due but would have repeated itself into the thread or exceeded the sender's limit. */
        SILENCED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "message_key")
    private String messageKey;
    private String sender;
    private String subject;
    @Column(name = "received_at")
    private Instant receivedAt;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Outcome outcome;
    @Column(name = "case_number")
    private String caseNumber;
    private String detail;

    protected InboundRecord() {
    }

    InboundRecord(InboundMail mail, Outcome outcome, String caseNumber, String detail, Instant at) {
        this.messageKey = mail.key();
        this.sender = Columns.cut(mail.sender(), InboundMail.ADDRESS_LENGTH);
        this.subject = Columns.cut(mail.subject(), InboundMail.SUBJECT_LENGTH);
        this.receivedAt = at;
        this.outcome = outcome;
        this.caseNumber = caseNumber;
        this.detail = Columns.cut(detail, 1000);
    }

    Outcome outcome() {
        return outcome;
    }

    String sender() {
        return sender;
    }

    String detail() {
        return detail;
    }

    String caseNumber() {
        return caseNumber;
    }
}
