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
