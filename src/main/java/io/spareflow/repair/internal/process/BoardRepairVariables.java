package io.spareflow.repair.internal.process;

import io.spareflow.repair.TestResult;
import io.spareflow.repair.RepairDiagnosis;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables of the board-repair process: references only (the repair order lives in its table). The caller also
 * passes {@code repairAndReturn}: true when the repaired board goes back to the customer, false when it goes to stock.
 */
final class BoardRepairVariables {

    static final String CASE_NUMBER = "caseNumber";
    /** The serial of the board under repair; scans correlate on it. */
    static final String REPAIR_SERIAL = "repairSerial";
    /** Decides the candidate group of the diagnosis: technicians certified for this product line. */
    static final String PRODUCT_LINE = "productLine";
    /** The location where the work happens; only staff of that location may take its tasks. */
    static final String ACT_AT = "actAt";
    static final String TECHNICIAN = "technician";
    static final String DIAGNOSIS = "diagnosis";
    static final String FINDING = "finding";
    static final String ACTIONS = "actions";
    static final String TEST_RESULT = "testResult";
    static final String RETURN_DEPOT = "returnDepot";

    private final VariableScope scope;

    BoardRepairVariables(VariableScope scope) {
        this.scope = scope;
    }

    String caseNumber() {
        return (String) scope.getVariable(CASE_NUMBER);
    }

    String actAt() {
        return (String) scope.getVariable(ACT_AT);
    }

    String technician() {
        return (String) scope.getVariable(TECHNICIAN);
    }

    void technician(String username) {
        scope.setVariable(TECHNICIAN, username);
    }

    void productLine(String productLine) {
        scope.setVariable(PRODUCT_LINE, productLine);
    }

    RepairDiagnosis diagnosis() {
        return RepairDiagnosis.valueOf((String) scope.getVariable(DIAGNOSIS));
    }

    String finding() {
        return (String) scope.getVariable(FINDING);
    }

    String actions() {
        return (String) scope.getVariable(ACTIONS);
    }

    TestResult testResult() {
        return TestResult.valueOf((String) scope.getVariable(TEST_RESULT));
    }

    void returnDepot(String depot) {
        scope.setVariable(RETURN_DEPOT, depot);
    }
}
