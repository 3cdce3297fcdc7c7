package io.spareflow.repair.internal.process;

import io.spareflow.repair.internal.RepairWork;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Service tasks and task listeners of the board-repair process, delegating to {@link RepairWork}. */
@Component("repairSteps")
public class RepairSteps {

    private final RepairWork work;

    RepairSteps(RepairWork work) {
        this.work = work;
    }

    /** An intake scanned before the repair waited for it: the repair center where the board already is, or null. */
    public void checkIntake(DelegateExecution execution) {
        BoardRepairVariables variables = new BoardRepairVariables(execution);
        variables.actAt(work.takenInAt(variables.repairSerial()).orElse(null));
    }

    public void openOrder(DelegateExecution execution) {
        BoardRepairVariables variables = new BoardRepairVariables(execution);
        variables.productLine(work.intake(variables.caseNumber(), variables.repairSerial(), variables.actAt()).productLine().name());
    }

    public void diagnosed(DelegateTask task) {
        BoardRepairVariables variables = new BoardRepairVariables(task);
        variables.technician(task.getAssignee());
        work.diagnose(variables.caseNumber(), variables.repairSerial(), task.getAssignee(), variables.diagnosis(), variables.finding());
    }

    public void repaired(DelegateTask task) {
        BoardRepairVariables variables = new BoardRepairVariables(task);
        work.recordActions(variables.caseNumber(), variables.repairSerial(), variables.actions());
    }

    public void tested(DelegateTask task) {
        BoardRepairVariables variables = new BoardRepairVariables(task);
        work.recordTest(variables.caseNumber(), variables.repairSerial(), variables.testResult());
    }

    public void recordResult(DelegateExecution execution) {
        BoardRepairVariables variables = new BoardRepairVariables(execution);
        work.recordResult(variables.caseNumber(), variables.repairSerial(), variables.technician());
        variables.boardArrived(work.arrived(variables.repairSerial(), variables.repairAndReturn()));
    }

    /** The repaired board was put away in stock before the repair waited for it: the return is recorded now. */
    public void putAwayBeforeAwaited(DelegateExecution execution) {
        BoardRepairVariables variables = new BoardRepairVariables(execution);
        work.returned(variables.caseNumber(), variables.repairSerial());
    }

    public void scrap(DelegateExecution execution) {
        BoardRepairVariables variables = new BoardRepairVariables(execution);
        work.scrap(variables.caseNumber(), variables.repairSerial(), variables.technician());
    }

    public void chooseStockDepot(DelegateExecution execution) {
        BoardRepairVariables variables = new BoardRepairVariables(execution);
        variables.returnDepot(work.chooseReturnDepot(variables.caseNumber(), variables.repairSerial()));
    }
}
