package io.spareflow.rma.internal.process;

import static io.spareflow.rma.CaseLineBpmn.*;

import io.spareflow.rma.internal.Limit;
import io.spareflow.rma.internal.LineStart;
import io.spareflow.rma.internal.ReturnLimits;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed access to the variables of the case-line process (names in {@link io.spareflow.rma.CaseLineBpmn}): the case
 * and line, the faulty board (its return correlates on it), and the due dates of the line's timers. The same names
 * are read in the processes of 0.1.0, where the one board of a case runs in rma-case itself: there is no line
 * variable there, and the board is line 1.
 */
final class CaseLineVariables {

    /** The line of a process without a line variable (0.1.0's one-board cases). */
    static final int FIRST_LINE = 1;

    private final VariableScope scope;

    CaseLineVariables(VariableScope scope) {
        this.scope = scope;
    }

    static Map<String, Object> start(LineStart start) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CASE_NUMBER, start.caseNumber());
        variables.put(LINE, start.line());
        variables.put(FAULTY_SERIAL, start.faultySerial());
        variables.put(REPAIR_AND_RETURN, start.repairAndReturn());
        if (start.spareOnSite() != null) {
            put(variables, SPARE_ON_SITE_DUE, SPARE_ON_SITE_ESCALATE_AT, start.spareOnSite());
        }
        return variables;
    }

    /** The repair turnaround's timers, handed to the process with the message that the defective board arrived. */
    static Map<String, Object> repairLimit(Limit limit) {
        Map<String, Object> variables = new HashMap<>();
        put(variables, REPAIR_DUE, REPAIR_ESCALATE_AT, limit);
        return variables;
    }

    /** The line an execution works for, read from the engine (line 1 when it has none). */
    static int lineOf(RuntimeService runtime, String executionId) {
        return line(runtime.getVariable(executionId, LINE));
    }

    /** A line variable's value as read (line 1 when absent). */
    static int line(Object value) {
        return value == null ? FIRST_LINE : ((Number) value).intValue();
    }

    private static void put(Map<String, Object> variables, String due, String escalateAt, Limit limit) {
        variables.put(due, Date.from(limit.due()));
        variables.put(escalateAt, Date.from(limit.escalateAt()));
    }

    String caseNumber() {
        return (String) scope.getVariable(CASE_NUMBER);
    }

    int line() {
        return line(scope.getVariable(LINE));
    }

    void replacementNeeded(boolean needed) {
        scope.setVariable(REPLACEMENT_NEEDED, needed);
    }

    void returnLimits(ReturnLimits limits) {
        scope.setVariable(RETURN_REMINDER_AT, date(limits.reminderAt()));
        scope.setVariable(RETURN_DUE, date(limits.due()));
        scope.setVariable(RETURN_CHARGE_AT, date(limits.chargeAt()));
    }

    /** Where the faulty board already waits as received, or null: the gateway after the return clock reads it. */
    void defectiveReceivedAt(String locationCode) {
        scope.setVariable(DEFECTIVE_RECEIVED_AT, locationCode);
    }

    String defectiveReceivedAt() {
        return (String) scope.getVariable(DEFECTIVE_RECEIVED_AT);
    }

    private static Date date(Instant instant) {
        return Date.from(instant);
    }
}
