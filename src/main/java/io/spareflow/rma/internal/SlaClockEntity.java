package io.spareflow.rma.internal;

import jakarta.persistence.Enumerated;
import jakarta.persistence.EnumType;
import io.spareflow.rma.SlaStep;
import io.spareflow.rma.CaseView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "case_sla_clock")
class SlaClockEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private SlaStep step;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "met_at")
    private Instant metAt;
    private boolean breached;

    protected SlaClockEntity() {
    }

    SlaClockEntity(SlaStep step, Instant startedAt, Instant dueAt) {
        this.step = step;
        this.startedAt = startedAt;
        this.dueAt = dueAt;
    }

    SlaStep step() {
        return step;
    }

    Instant dueAt() {
        return dueAt;
    }

    boolean isMet() {
        return metAt != null;
    }

    void met(Instant at) {
        if (metAt == null) {
            metAt = at;
            breached = breached || at.isAfter(dueAt);
        }
    }

    void breached() {
        breached = true;
    }

    CaseView.SlaClock toView() {
        return new CaseView.SlaClock(step, startedAt, dueAt, metAt, breached);
    }
}
