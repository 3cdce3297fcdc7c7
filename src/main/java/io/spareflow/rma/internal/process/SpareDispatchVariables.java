package io.spareflow.rma.internal.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The variables of the spare-dispatch process: the case, the reserved spare's serial (scans correlate on it), backorder. */
final class SpareDispatchVariables {

    static final String CASE_NUMBER = "caseNumber";
    static final String SPARE_SERIAL = "spareSerial";
    static final String BACKORDER = "backorder";

    private final VariableScope scope;

    SpareDispatchVariables(VariableScope scope) {
        this.scope = scope;
    }

    String caseNumber() {
        return (String) scope.getVariable(CASE_NUMBER);
    }

    void reserved(String serial) {
        scope.setVariable(SPARE_SERIAL, serial);
        scope.setVariable(BACKORDER, serial == null);
    }
}
