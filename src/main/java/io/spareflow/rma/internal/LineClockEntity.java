package io.spareflow.rma.internal;

import io.spareflow.rma.SlaStep;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One time limit of one line: its spare on site, its defective return, its repair turnaround. */
@Entity
@Table(name = "case_line_clock")
class LineClockEntity extends ClockRow {

    protected LineClockEntity() {
    }

    LineClockEntity(SlaStep step, Instant startedAt, Instant dueAt) {
        super(step, startedAt, dueAt);
    }
}
