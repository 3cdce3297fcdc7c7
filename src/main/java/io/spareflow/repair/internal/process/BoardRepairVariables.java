package io.spareflow.repair.internal.process;

import static io.spareflow.repair.BoardRepairBpmn.*;

import io.spareflow.repair.RepairDiagnosis;
import io.spareflow.repair.TestResult;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed access to the variables of the board-repair process (names in {@link io.spareflow.repair.BoardRepairBpmn}):
 * references only (the repair order lives in its table). The caller also
 * passes {@code repairAndReturn}: true when the repaired board goes back to the customer, false when it goes to stock.
 */
final class BoardRepairVariables {

    private final VariableScope scope;

    BoardRepairVariables(VariableScope scope) {
        this.scope = scope;
    }

    String caseNumber() {
        return (String) scope.getVariable(CASE_NUMBER);
    }

    /** The board under repair: a case has a repair order per board. */
    String repairSerial() {
        return (String) scope.getVariable(REPAIR_SERIAL);
    }

    String actAt() {
        return (String) scope.getVariable(ACT_AT);
    }

    void actAt(String repairCenter) {
        scope.setVariable(ACT_AT, repairCenter);
    }

    boolean repairAndReturn() {
        return Boolean.TRUE.equals(scope.getVariable(REPAIR_AND_RETURN));
    }

    void boardArrived(boolean arrived) {
        scope.setVariable(BOARD_ARRIVED, arrived);
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
