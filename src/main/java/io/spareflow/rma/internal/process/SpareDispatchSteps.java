package io.spareflow.rma.internal.process;

import io.spareflow.rma.internal.CaseEntity;
import io.spareflow.rma.internal.CaseLookup;
import io.spareflow.rma.internal.SpareTransitions;
import io.spareflow.sourcing.ReservationOutcome;
import io.spareflow.sourcing.SpareSourcing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The service task of the spare-dispatch process: source and reserve a spare for a line of the case. */
@Component("spareDispatchSteps")
public class SpareDispatchSteps {

    private final CaseLookup lookup;
    private final SpareTransitions spares;
    private final SpareSourcing sourcing;

    SpareDispatchSteps(CaseLookup lookup, SpareTransitions spares, SpareSourcing sourcing) {
        this.lookup = lookup;
        this.spares = spares;
        this.sourcing = sourcing;
    }

    public void reserve(DelegateExecution execution) {
        SpareDispatchVariables variables = new SpareDispatchVariables(execution);
        CaseEntity entity = lookup.require(variables.caseNumber());
        int line = variables.line();
        ReservationOutcome outcome = sourcing.reserve(entity.line(line).partNumber(), entity.siteId(), entity.number(), line);
        spares.spareSourced(outcome);
        variables.reserved(outcome.backorder() ? null : outcome.serial());
    }
}
