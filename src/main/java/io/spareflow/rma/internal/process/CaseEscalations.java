package io.spareflow.rma.internal.process;

import io.spareflow.common.Languages;
import io.spareflow.common.Message;
import io.spareflow.rma.RmaCaseBpmn;
import io.spareflow.rma.SlaStep;
import io.spareflow.rma.internal.CaseDeadlines;
import io.spareflow.user.Role;
import io.spareflow.worklist.TaskTexts;
import java.util.Locale;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
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
    private final MessageSource messages;

    CaseEscalations(CaseDeadlines deadlines, TaskService tasks, MessageSource messages) {
        this.deadlines = deadlines;
        this.tasks = tasks;
        this.messages = messages;
    }

    /** Called by the timers; {@code step} is an {@link SlaStep} name written in the BPMN expression. */
    public void limitReached(DelegateExecution execution, String step) {
        deadlines.limitMissed(caseNumber(execution), SlaStep.valueOf(step), new CaseLineVariables(execution).line());
    }

    public void escalate(DelegateExecution execution, String stepName) {
        SlaStep step = SlaStep.valueOf(stepName);
        String caseNumber = caseNumber(execution);
        Message reason = Message.of("escalation.stillOpen", Message.of("mail.step." + step.name()), caseNumber);
        supervisorTask(caseNumber, step, deadlines.escalate(caseNumber, step, reason), reason);
    }

    public void returnReminder(DelegateExecution execution) {
        deadlines.returnReminder(caseNumber(execution), new CaseLineVariables(execution).line());
    }

    public void returnOverdue(DelegateExecution execution) {
        String caseNumber = caseNumber(execution);
        supervisorTask(caseNumber, SlaStep.DEFECTIVE_RETURN, deadlines.returnOverdue(caseNumber, new CaseLineVariables(execution).line()),
                Message.of("escalation.task.returnOverdue", caseNumber));
    }

    public void chargeLimitReached(DelegateExecution execution) {
        deadlines.chargeLimitReached(caseNumber(execution), new CaseLineVariables(execution).line());
    }

    /**
     * A stand-alone task, so the case's process never waits for the supervisor to look at it; its name and description
     * in every language we speak (the engine's own in English, for Camunda's web apps).
     */
    private void supervisorTask(String caseNumber, SlaStep step, String supervisor, Message reason) {
        Message name = Message.of("escalation.task.name", step.name(), caseNumber);
        Task task = tasks.newTask();
        task.setName(name.english());
        task.setDescription(reason.english());
        task.setAssignee(supervisor);
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), SUPERVISORS);
        tasks.setVariableLocal(task.getId(), RmaCaseBpmn.CASE_NUMBER, caseNumber);
        for (Locale language : Languages.SUPPORTED) {
            tasks.setVariableLocal(task.getId(), TaskTexts.nameVariable(language), name.in(messages, language));
            tasks.setVariableLocal(task.getId(), TaskTexts.descriptionVariable(language), reason.in(messages, language));
        }
    }

    private static String caseNumber(DelegateExecution execution) {
        return new RmaCaseVariables(execution).caseNumber();
    }
}
