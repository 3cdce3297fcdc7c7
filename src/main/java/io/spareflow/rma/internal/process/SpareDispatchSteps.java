package io.spareflow.rma.internal.process;

import io.spareflow.rma.internal.CaseEntity;
import io.spareflow.rma.internal.CaseLifecycle;
import io.spareflow.sourcing.ReservationOutcome;
import io.spareflow.sourcing.SpareSourcing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The service task of the spare-dispatch process: source and reserve a spare for a line of the case. */
@Component("spareDispatchSteps")
public class SpareDispatchSteps {

    private final CaseLifecycle lifecycle;
    private final SpareSourcing sourcing;

    SpareDispatchSteps(CaseLifecycle lifecycle, SpareSourcing sourcing) {
        this.lifecycle = lifecycle;
        this.sourcing = sourcing;
    }

    public void reserve(DelegateExecution execution) {
        SpareDispatchVariables variables = new SpareDispatchVariables(execution);
        CaseEntity entity = lifecycle.require(variables.caseNumber());
        int line = variables.line();
        ReservationOutcome outcome = sourcing.reserve(entity.line(line).partNumber(), entity.siteId(), entity.number(), line);
        lifecycle.spareSourced(outcome);
        variables.reserved(outcome.backorder() ? null : outcome.serial());
    }
}
