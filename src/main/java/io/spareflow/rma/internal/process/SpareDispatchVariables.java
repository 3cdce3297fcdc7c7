package io.spareflow.rma.internal.process;

import static io.spareflow.rma.SpareDispatchBpmn.BACKORDER;
import static io.spareflow.rma.SpareDispatchBpmn.CASE_NUMBER;
import static io.spareflow.rma.SpareDispatchBpmn.LINE;
import static io.spareflow.rma.SpareDispatchBpmn.SPARE_SERIAL;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed access to the variables of the spare-dispatch process (names in {@link io.spareflow.rma.SpareDispatchBpmn}):
 * the case, the reserved spare's serial (scans correlate on it), backorder.
 */
final class SpareDispatchVariables {

    private final VariableScope scope;

    SpareDispatchVariables(VariableScope scope) {
        this.scope = scope;
    }

    String caseNumber() {
        return (String) scope.getVariable(CASE_NUMBER);
    }

    /** The case's line the spare is for (line 1 when 0.1.0's rma-case called without one). */
    int line() {
        return CaseLineVariables.line(scope.getVariable(LINE));
    }

    void reserved(String serial) {
        scope.setVariables(spare(serial));
    }

    /** The spare now reserved for the case ({@code serial}), or none (null: backordered). */
    static Map<String, Object> spare(String serial) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(SPARE_SERIAL, serial);
        variables.put(BACKORDER, serial == null);
        return variables;
    }

    /** The variables a correlation hands over when sourcing reserved the spare of a backordered case. */
    static Map<String, Object> served(String serial) {
        return Map.of(SPARE_SERIAL, serial, BACKORDER, false);
    }
}
