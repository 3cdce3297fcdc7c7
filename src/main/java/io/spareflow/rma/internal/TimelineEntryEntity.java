package io.spareflow.rma.internal;

import jakarta.persistence.Enumerated;
import jakarta.persistence.EnumType;
import io.spareflow.rma.TimelineKind;
import io.spareflow.rma.CaseView;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "case_timeline")
class TimelineEntryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant at;
    @Enumerated(EnumType.STRING)
    private TimelineKind kind;
    private String actor;
    private String text;

    protected TimelineEntryEntity() {
    }

    TimelineEntryEntity(Instant at, TimelineKind kind, String actor, String text) {
        this.at = at;
        this.kind = kind;
        this.actor = actor;
        this.text = text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    CaseView.TimelineEntry toView() {
        return new CaseView.TimelineEntry(at, kind, actor, text);
    }
}
