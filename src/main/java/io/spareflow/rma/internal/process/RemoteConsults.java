package io.spareflow.rma.internal.process;

import io.spareflow.common.ConflictException;
import io.spareflow.common.Message;
import io.spareflow.rma.RmaCaseBpmn;
import io.spareflow.rma.internal.CaseConsults;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The L1 consult of rma-case ({@link CaseConsults}): whether the first owner needs one (the gateway after acceptance),
 * whom to ask (the consult's assignee), the advice given back on the first owner's diagnosis task, and the diagnosis
 * held until the advice is there — so the consult never outlives the diagnosis it serves.
 */
@Component("remoteConsults")
public class RemoteConsults {

    private final CaseConsults consults;

    RemoteConsults(CaseConsults consults) {
        this.consults = consults;
    }

    public boolean needed(DelegateExecution execution) {
        return !consults.uncoveredLines(new RmaCaseVariables(execution).caseNumber()).isEmpty();
    }

    public void choose(DelegateExecution execution) {
        RmaCaseVariables variables = new RmaCaseVariables(execution);
        variables.consultant(consults.ask(variables.caseNumber()));
    }

    /** The advice goes on the timeline and into the description of the first owner's remote diagnosis task. */
    public void answered(DelegateTask task) {
        RmaCaseVariables variables = new RmaCaseVariables(task);
        String advice = consults.answered(variables.caseNumber(), task.getAssignee(), variables.consultAdvice());
        TaskService taskService = task.getProcessEngineServices().getTaskService();
        Task diagnosis = taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKey(RmaCaseBpmn.TASK_REMOTE_DIAGNOSIS).singleResult();
        if (diagnosis != null) {
            diagnosis.setDescription(advice);
            taskService.saveTask(diagnosis);
        }
    }

    /** Completing the remote diagnosis waits for the advice asked for it. */
    public void diagnosing(DelegateTask task) {
        RmaCaseVariables variables = new RmaCaseVariables(task);
        if (variables.consultant() != null && variables.consultAdvice() == null) {
            throw new ConflictException(Message.of("training.consult.waiting", variables.consultant()));
        }
    }
}
