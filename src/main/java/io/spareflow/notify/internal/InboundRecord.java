package io.spareflow.notify.internal;

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

    enum Outcome { STATUS_REPLY, CASE_CREATED, NEEDS_DETAILS, SERIAL_ALREADY_OPEN, REFUSED, IGNORED, FAILED }

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
        this.sender = mail.sender();
        this.subject = mail.subject();
        this.receivedAt = at;
        this.outcome = outcome;
        this.caseNumber = caseNumber;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }

    Outcome outcome() {
        return outcome;
    }

    String caseNumber() {
        return caseNumber;
    }
}
