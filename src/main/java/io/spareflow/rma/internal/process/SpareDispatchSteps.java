package io.spareflow.rma.internal.process;

import io.spareflow.rma.internal.SpareTransitions;
import io.spareflow.sourcing.ReservationOutcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The service task of the spare-dispatch process: source and reserve a spare for a line of the case. */
@Component("spareDispatchSteps")
public class SpareDispatchSteps {

    private final SpareTransitions spares;
    private final LineSpares lineSpares;

    SpareDispatchSteps(SpareTransitions spares, LineSpares lineSpares) {
        this.spares = spares;
        this.lineSpares = lineSpares;
    }

    public void reserve(DelegateExecution execution) {
        SpareDispatchVariables variables = new SpareDispatchVariables(execution);
        ReservationOutcome outcome = lineSpares.reserve(variables.caseNumber(), variables.line());
        spares.spareSourced(outcome);
        variables.reserved(outcome.backorder() ? null : outcome.serial());
    }
}
