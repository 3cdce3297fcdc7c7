package io.spareflow.rma.internal.process;

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
 * The variables of the rma-case process: the case number, the faulty serial (scans correlate on it), the first owner
 * (assignee of the later tasks), the diagnosis outcome (gateways), and the due dates of the timers. The case's data
 * lives in its table.
 */
final class RmaCaseVariables {

    static final String PROCESS_KEY = "rma-case";
    static final String CASE_NUMBER = "caseNumber";
    static final String FAULTY_SERIAL = "faultySerial";
    static final String REPAIR_AND_RETURN = "repairAndReturn";
    static final String FIRST_OWNER = "firstOwner";
    static final String DIAGNOSIS_OUTCOME = "diagnosisOutcome";
    static final String NOTE = "note";
    static final String RESOLUTION = "resolution";
    static final String DEFECTIVE_RECEIVED_AT = "defectiveReceivedAt";

    private final VariableScope scope;

    RmaCaseVariables(VariableScope scope) {
        this.scope = scope;
    }

    static Map<String, Object> start(NewCase created) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CASE_NUMBER, created.caseNumber());
        variables.put(FAULTY_SERIAL, created.faultySerial());
        variables.put(REPAIR_AND_RETURN, created.repairAndReturn());
        put(variables, "accept", created.accept());
        if (created.spareOnSite() != null) {
            put(variables, "spareOnSite", created.spareOnSite());
        }
        return variables;
    }

    static Map<String, Object> repairLimit(Limit limit) {
        Map<String, Object> variables = new HashMap<>();
        put(variables, "repair", limit);
        return variables;
    }

    private static void put(Map<String, Object> variables, String step, Limit limit) {
        variables.put(step + "Due", Date.from(limit.due()));
        variables.put(step + "EscalateAt", Date.from(limit.escalateAt()));
    }

    String caseNumber() {
        return (String) scope.getVariable(CASE_NUMBER);
    }

    void firstOwner(String username) {
        scope.setVariable(FIRST_OWNER, username);
    }

    void diagnosisLimit(Limit limit) {
        scope.setVariable("diagnosisDue", date(limit.due()));
        scope.setVariable("diagnosisEscalateAt", date(limit.escalateAt()));
    }

    void returnLimits(ReturnLimits limits) {
        scope.setVariable("returnReminderAt", date(limits.reminderAt()));
        scope.setVariable("returnDue", date(limits.due()));
        scope.setVariable("returnChargeAt", date(limits.chargeAt()));
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
