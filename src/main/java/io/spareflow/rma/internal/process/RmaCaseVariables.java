package io.spareflow.rma.internal.process;

import static io.spareflow.rma.RmaCaseBpmn.*;

import io.spareflow.rma.CaseLineBpmn;
import io.spareflow.rma.DiagnosisOutcome;
import io.spareflow.rma.internal.Limit;
import io.spareflow.rma.internal.NewCase;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed access to the variables of the rma-case process (names in {@link io.spareflow.rma.RmaCaseBpmn}): the case
 * number, the first owner (assignee of the later tasks), the diagnosis outcome (gateways) and the faulty boards it
 * names, and the due dates of the timers. The case's data lives in its table; each board's work in its line process.
 */
final class RmaCaseVariables {

    /**
     * The element variable of the multi-instance {@code Task_AwaitSpareReturn} (over {@code returningSpares}): the one
     * spare each instance waits for. Named in the model only as {@code camunda:elementVariable}, hence not in
     * RmaCaseBpmn, whose constants are checked against the model's expressions.
     */
    static final String RETURNING_SPARE = "returningSpare";

    private final VariableScope scope;

    RmaCaseVariables(VariableScope scope) {
        this.scope = scope;
    }

    static Map<String, Object> start(NewCase created) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CASE_NUMBER, created.caseNumber());
        variables.put(ACCEPT_DUE, Date.from(created.accept().due()));
        variables.put(ACCEPT_ESCALATE_AT, Date.from(created.accept().escalateAt()));
        // What the rma-case of 0.1.0 reads (its board's steps are in it): a case reported now still runs there.
        variables.put(CaseLineBpmn.FAULTY_SERIAL, created.faultySerial());
        variables.put(CaseLineBpmn.REPAIR_AND_RETURN, created.repairAndReturn());
        if (created.spareOnSite() != null) {
            variables.put(CaseLineBpmn.SPARE_ON_SITE_DUE, Date.from(created.spareOnSite().due()));
            variables.put(CaseLineBpmn.SPARE_ON_SITE_ESCALATE_AT, Date.from(created.spareOnSite().escalateAt()));
        }
        return variables;
    }

    String caseNumber() {
        return (String) scope.getVariable(CASE_NUMBER);
    }

    void firstOwner(String username) {
        scope.setVariable(FIRST_OWNER, username);
    }

    void diagnosisLimit(Limit limit) {
        scope.setVariable(DIAGNOSIS_DUE, Date.from(limit.due()));
        scope.setVariable(DIAGNOSIS_ESCALATE_AT, Date.from(limit.escalateAt()));
    }

    DiagnosisOutcome diagnosisOutcome() {
        return DiagnosisOutcome.valueOf((String) scope.getVariable(DIAGNOSIS_OUTCOME));
    }

    /** The serials the form named (commas, semicolons or white space between them), as typed; none when empty. */
    List<String> faultySerials() {
        Object value = scope.getVariable(FAULTY_SERIALS);
        return value == null ? List.of() : Arrays.stream(value.toString().split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    String note() {
        return (String) scope.getVariable(NOTE);
    }

    String resolution() {
        return (String) scope.getVariable(RESOLUTION);
    }

    void consultant(String username) {
        scope.setVariable(CONSULTANT, username);
    }

    /** The colleague asked for advice on the remote diagnosis, or null when the first owner needed none. */
    String consultant() {
        return (String) scope.getVariable(CONSULTANT);
    }

    /** The consult's advice, null until it is given. */
    String consultAdvice() {
        return (String) scope.getVariable(CONSULT_ADVICE);
    }
}
