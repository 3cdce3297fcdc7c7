package io.spareflow.rma.internal;

import io.spareflow.rma.SlaStep;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A case's clock of one step (the ones KPIs count). */
@Entity
@Table(name = "case_sla_clock")
class SlaClockEntity extends ClockRow {

    protected SlaClockEntity() {
    }

    SlaClockEntity(SlaStep step, Instant startedAt, Instant dueAt) {
        super(step, startedAt, dueAt);
    }
}
