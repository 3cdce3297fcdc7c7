package io.spareflow.rma.internal;

import io.spareflow.common.Message;
import io.spareflow.common.StoredMessage;
import io.spareflow.rma.CaseView;
import io.spareflow.rma.TimelineKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One timeline entry. Its text is kept as a message key and arguments and worded when read, in the reader's
 * language; {@code text} is its English wording, and the only text of entries written before keys were kept.
 */
@Entity
@Table(name = "case_timeline")
class TimelineEntryEntity {

    private static final int TEXT_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant at;
    @Enumerated(EnumType.STRING)
    private TimelineKind kind;
    private String actor;
    private String text;
    @Column(name = "text_key")
    private String textKey;
    @Column(name = "text_args")
    @JdbcTypeCode(SqlTypes.JSON)
    private String textArgs;

    protected TimelineEntryEntity() {
    }

    TimelineEntryEntity(Instant at, TimelineKind kind, String actor, Message text) {
        this.at = at;
        this.kind = kind;
        this.actor = actor;
        this.text = cut(text.english());
        this.textKey = text.key();
        this.textArgs = StoredMessage.arguments(text);
    }

    CaseView.TimelineEntry toView(CaseTexts.Reading reading) {
        return textKey == null ? new CaseView.TimelineEntry(at, kind, actor, text, null)
                : new CaseView.TimelineEntry(at, kind, actor, cut(reading.word(StoredMessage.read(textKey, textArgs))), textKey);
    }

    private static String cut(String text) {
        return text.length() > TEXT_LENGTH ? text.substring(0, TEXT_LENGTH) : text;
    }
}
