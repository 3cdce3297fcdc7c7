package io.spareflow.rma.internal.process;

import static io.spareflow.rma.RmaCaseBpmn.*;

import io.spareflow.rma.DiagnosisOutcome;
import io.spareflow.rma.internal.Limit;
import io.spareflow.rma.internal.NewCase;
import io.spareflow.rma.internal.ReturnLimits;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed access to the variables of the rma-case process (names in {@link io.spareflow.rma.RmaCaseBpmn}): the case
 * number, the faulty serial (scans correlate on it), the first owner (assignee of the later tasks), the diagnosis
 * outcome (gateways), and the due dates of the timers. The case's data lives in its table.
 */
final class RmaCaseVariables {

    private final VariableScope scope;

    RmaCaseVariables(VariableScope scope) {
        this.scope = scope;
    }

    static Map<String, Object> start(NewCase created) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CASE_NUMBER, created.caseNumber());
        variables.put(FAULTY_SERIAL, created.faultySerial());
        variables.put(REPAIR_AND_RETURN, created.repairAndReturn());
        put(variables, ACCEPT_DUE, ACCEPT_ESCALATE_AT, created.accept());
        if (created.spareOnSite() != null) {
            put(variables, SPARE_ON_SITE_DUE, SPARE_ON_SITE_ESCALATE_AT, created.spareOnSite());
        }
        return variables;
    }

    /** The repair turnaround's timers, handed to the process with the message that the defective board arrived. */
    static Map<String, Object> repairLimit(Limit limit) {
        Map<String, Object> variables = new HashMap<>();
        put(variables, REPAIR_DUE, REPAIR_ESCALATE_AT, limit);
        return variables;
    }

    private static void put(Map<String, Object> variables, String due, String escalateAt, Limit limit) {
        variables.put(due, date(limit.due()));
        variables.put(escalateAt, date(limit.escalateAt()));
    }

    String caseNumber() {
        return (String) scope.getVariable(CASE_NUMBER);
    }

    void firstOwner(String username) {
        scope.setVariable(FIRST_OWNER, username);
    }

    void diagnosisLimit(Limit limit) {
        scope.setVariable(DIAGNOSIS_DUE, date(limit.due()));
        scope.setVariable(DIAGNOSIS_ESCALATE_AT, date(limit.escalateAt()));
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

    DiagnosisOutcome diagnosisOutcome() {
        return DiagnosisOutcome.valueOf((String) scope.getVariable(DIAGNOSIS_OUTCOME));
    }

    String note() {
        return (String) scope.getVariable(NOTE);
    }

    String resolution() {
        return (String) scope.getVariable(RESOLUTION);
    }

    private static Date date(Instant instant) {
        return Date.from(instant);
    }
}
