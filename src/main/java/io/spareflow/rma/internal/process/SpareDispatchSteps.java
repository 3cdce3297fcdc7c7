package io.spareflow.rma.internal.process;

import io.spareflow.rma.internal.CaseLifecycle;
import io.spareflow.sourcing.ReservationOutcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The service task of the spare-dispatch process: source and reserve a spare for a line of the case. */
@Component("spareDispatchSteps")
public class SpareDispatchSteps {

    private final CaseLifecycle lifecycle;
    private final LineSpares spares;

    SpareDispatchSteps(CaseLifecycle lifecycle, LineSpares spares) {
        this.lifecycle = lifecycle;
        this.spares = spares;
    }

    public void reserve(DelegateExecution execution) {
        SpareDispatchVariables variables = new SpareDispatchVariables(execution);
        ReservationOutcome outcome = spares.reserve(variables.caseNumber(), variables.line());
        lifecycle.spareSourced(outcome);
        variables.reserved(outcome.backorder() ? null : outcome.serial());
    }
}
