package io.spareflow.rma.internal;

import io.spareflow.rma.CaseView;
import io.spareflow.rma.SlaStep;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/** One step's time limit as a row: started, due, met, breached — of a case ({@link SlaClockEntity}) or of a line. */
@MappedSuperclass
abstract class ClockRow {

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

    protected ClockRow() {
    }

    ClockRow(SlaStep step, Instant startedAt, Instant dueAt) {
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

    /** Marks the limit missed; false when the step was met or already marked. */
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
