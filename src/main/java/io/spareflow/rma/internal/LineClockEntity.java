package io.spareflow.rma.internal;

import io.spareflow.rma.CaseView;
import io.spareflow.rma.SlaStep;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One time limit of one line: its spare on site, its defective return, its repair turnaround. */
@Entity
@Table(name = "case_line_clock")
class LineClockEntity {

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

    protected LineClockEntity() {
    }

    LineClockEntity(SlaStep step, Instant startedAt, Instant dueAt) {
        this.step = step;
        this.startedAt = startedAt;
        this.dueAt = dueAt;
    }

    SlaStep step() {
        return step;
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

    /** Marks the limit missed; false when it was met or already marked. */
    boolean breach() {
        if (metAt != null || breached) {
            return false;
        }
        breached = true;
        return true;
    }

    CaseView.SlaClock toView() {
        return new CaseView.SlaClock(step, startedAt, dueAt, metAt, breached);
    }
}
