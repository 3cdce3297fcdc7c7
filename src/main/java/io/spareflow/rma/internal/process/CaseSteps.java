package io.spareflow.rma.internal.process;

import io.spareflow.rma.internal.CaseLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Task listeners and service tasks of the rma-case process, delegating to {@link CaseLifecycle}. */
@Component("caseSteps")
public class CaseSteps {

    private final CaseLifecycle lifecycle;

    CaseSteps(CaseLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** Whoever takes the Accept task first becomes the first owner. */
    public void accepting(DelegateTask task) {
        if (task.getAssignee() != null) {
            lifecycle.claimedForAcceptance(new RmaCaseVariables(task).caseNumber(), task.getAssignee());
        }
    }

    public void accepted(DelegateTask task) {
        RmaCaseVariables variables = new RmaCaseVariables(task);
        String caseNumber = variables.caseNumber();
        variables.diagnosisLimit(lifecycle.accepted(caseNumber, actor(task)));
        variables.firstOwner(lifecycle.require(caseNumber).firstOwner());
    }

    public void diagnosed(DelegateTask task) {
        RmaCaseVariables variables = new RmaCaseVariables(task);
        lifecycle.diagnosed(variables.caseNumber(), variables.diagnosisOutcome(), variables.note(), actor(task));
    }

    public void siteVisited(DelegateTask task) {
        RmaCaseVariables variables = new RmaCaseVariables(task);
        lifecycle.siteVisited(variables.caseNumber(), variables.diagnosisOutcome(), variables.note(), actor(task));
    }

    public void startReturnClock(DelegateExecution execution) {
        RmaCaseVariables variables = new RmaCaseVariables(execution);
        variables.returnLimits(lifecycle.returnExpected(variables.caseNumber()));
        variables.defectiveReceivedAt(lifecycle.defectiveReceivedAt(variables.caseNumber()).orElse(null));
    }

    /** The faulty board was scanned in before the case waited for it: its return counts now, the repair starts. */
    public void receivedBeforeAwaited(DelegateExecution execution) {
        RmaCaseVariables variables = new RmaCaseVariables(execution);
        execution.setVariables(RmaCaseVariables.repairLimit(
                lifecycle.defectiveReceived(variables.caseNumber(), variables.defectiveReceivedAt(), "system")));
    }

    public void repairFinished(DelegateExecution execution) {
        lifecycle.repairFinished(new RmaCaseVariables(execution).caseNumber());
    }

    public void closed(DelegateTask task) {
        RmaCaseVariables variables = new RmaCaseVariables(task);
        lifecycle.close(variables.caseNumber(), variables.resolution(), actor(task));
    }

    /** The assignee, or the engine's authenticated user when a task is completed without being claimed (Tasklist). */
    private static String actor(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? "system" : authentication.getUserId();
    }
}
