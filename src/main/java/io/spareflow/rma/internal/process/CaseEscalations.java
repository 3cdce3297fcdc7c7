package io.spareflow.rma.internal.process;

import io.spareflow.rma.RmaCaseBpmn;
import io.spareflow.rma.SlaStep;
import io.spareflow.rma.internal.CaseDeadlines;
import io.spareflow.user.Role;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The timers' side of the escalation pattern: at a step's limit the breach is recorded and the first owner reminded;
 * when the step is still open later, the supervisor gets a task (besides the {@code CaseEscalated} event for e-mail).
 * The timers of a line (case-line, spare-dispatch) name their line; a board step of 0.1.0's rma-case is line 1's.
 */
@Component("caseEscalations")
public class CaseEscalations {

    /** Candidate group of escalation tasks: any supervisor may take them (a role's group is its name). */
    static final String SUPERVISORS = Role.SUPERVISOR.name();

    private final CaseDeadlines deadlines;
    private final TaskService tasks;

    CaseEscalations(CaseDeadlines deadlines, TaskService tasks) {
        this.deadlines = deadlines;
        this.tasks = tasks;
    }

    /** Called by the timers; {@code step} is an {@link SlaStep} name written in the BPMN expression. */
    public void limitReached(DelegateExecution execution, String step) {
        deadlines.limitMissed(caseNumber(execution), SlaStep.valueOf(step), new CaseLineVariables(execution).line());
    }

    public void escalate(DelegateExecution execution, String stepName) {
        SlaStep step = SlaStep.valueOf(stepName);
        String caseNumber = caseNumber(execution);
        String reason = step + " of case " + caseNumber + " is still open well after its limit";
        supervisorTask(caseNumber, step, deadlines.escalate(caseNumber, step, reason), reason);
    }

    public void returnReminder(DelegateExecution execution) {
        deadlines.returnReminder(caseNumber(execution), new CaseLineVariables(execution).line());
    }

    public void returnOverdue(DelegateExecution execution) {
        String caseNumber = caseNumber(execution);
        supervisorTask(caseNumber, SlaStep.DEFECTIVE_RETURN, deadlines.returnOverdue(caseNumber, new CaseLineVariables(execution).line()),
                "The defective board of case " + caseNumber + " is overdue");
    }

    public void chargeLimitReached(DelegateExecution execution) {
        deadlines.chargeLimitReached(caseNumber(execution), new CaseLineVariables(execution).line());
    }

    /** A stand-alone task, so the case's process never waits for the supervisor to look at it. */
    private void supervisorTask(String caseNumber, SlaStep step, String supervisor, String reason) {
        Task task = tasks.newTask();
        task.setName("Escalation: " + step + " of " + caseNumber);
        task.setDescription(reason);
        task.setAssignee(supervisor);
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), SUPERVISORS);
        tasks.setVariableLocal(task.getId(), RmaCaseBpmn.CASE_NUMBER, caseNumber);
    }

    private static String caseNumber(DelegateExecution execution) {
        return new RmaCaseVariables(execution).caseNumber();
    }
}
