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
@Table(name = "case_breach")
class BreachEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private SlaStep step;
    @Column(name = "limit_at")
    private Instant limitAt;
    @Column(name = "detected_at")
    private Instant detectedAt;
    @Column(name = "actual_at")
    private Instant actualAt;
    private String owner;

    protected BreachEntity() {
    }

    BreachEntity(SlaStep step, Instant limitAt, Instant detectedAt, String owner) {
        this.step = step;
        this.limitAt = limitAt;
        this.detectedAt = detectedAt;
        this.owner = owner;
    }

    SlaStep step() {
        return step;
    }

    void met(Instant at) {
        if (actualAt == null) {
            actualAt = at;
        }
    }

    CaseView.Breach toView() {
        return new CaseView.Breach(step, limitAt, detectedAt, actualAt, owner);
    }
}
