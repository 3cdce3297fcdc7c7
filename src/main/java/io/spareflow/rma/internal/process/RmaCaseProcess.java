package io.spareflow.rma.internal.process;

import io.spareflow.rma.RmaCaseBpmn;
import io.spareflow.rma.internal.NewCase;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Starts a case's lifecycle process and keeps its first owner in step with the case. */
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
