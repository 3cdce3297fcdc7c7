package io.spareflow.rma.internal.process;

import io.spareflow.common.ConflictException;
import io.spareflow.common.Message;
import io.spareflow.rma.RmaCaseBpmn;
import io.spareflow.rma.internal.NewCase;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Starts a case's lifecycle process, keeps its first owner in step with the case and ends it when it is cancelled. */
@Component
public class RmaCaseProcess {

    private final RuntimeService runtime;
    private final TaskService tasks;

    RmaCaseProcess(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /** The business key of every process instance of a case (and its called processes) is the case number. */
    public void start(NewCase created) {
        runtime.startProcessInstanceByKey(RmaCaseBpmn.PROCESS_KEY, created.caseNumber(), RmaCaseVariables.start(created));
    }

    /**
     * The case was cancelled: its lifecycle process interrupts every step (called processes and open tasks end) and,
     * waits for each of {@code returningSpares} (spares of its lines already on their way) to be back in stock. Its
     * lines' processes are ended by {@link CaseLineProcesses#cancel}. A case still on a process
     * version without the cancellation event is refused (ConflictException) until it is migrated.
     */
    public void cancelled(String caseNumber, List<String> returningSpares) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(RmaCaseBpmn.PROCESS_KEY)
                .processInstanceBusinessKey(caseNumber).active().singleResult();
        if (instance == null) {
            return;
        }
        boolean cancellable = runtime.createEventSubscriptionQuery().processInstanceId(instance.getId())
                .eventName(RmaCaseBpmn.MESSAGE_CASE_CANCELLED).count() > 0;
        if (!cancellable) {
            throw new ConflictException(Message.of("case.cancel.old-process", caseNumber, instance.getProcessDefinitionId()));
        }
        // Set on the instance before the event sub-process starts: its gateway reads it, the return scan matches it.
        runtime.setVariable(instance.getId(), RmaCaseBpmn.RETURNING_SPARES, new ArrayList<>(returningSpares));
        runtime.createMessageCorrelation(RmaCaseBpmn.MESSAGE_CASE_CANCELLED).processInstanceId(instance.getId()).correlate();
    }

    /** After a transfer: later tasks go to the new owner, and the open ones of the old owner move to them. */
    public void ownerChanged(String caseNumber, String previousOwner, String newOwner) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(RmaCaseBpmn.PROCESS_KEY)
                .processInstanceBusinessKey(caseNumber).active().singleResult();
        if (instance != null) {
            runtime.setVariable(instance.getId(), RmaCaseBpmn.FIRST_OWNER, newOwner);
        }
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskAssignee(previousOwner).list()) {
            tasks.setAssignee(task.getId(), newOwner);
        }
    }
}
