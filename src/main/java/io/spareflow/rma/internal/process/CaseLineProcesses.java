package io.spareflow.rma.internal.process;

import io.spareflow.rma.CaseLineBpmn;
import io.spareflow.rma.RmaCaseBpmn;
import io.spareflow.rma.internal.LineStart;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The line processes of cases: one case-line instance per faulty board (business key: the case number), started by
 * the case or when a line is added, ended on its own when a line is cancelled; the case moves on when all are done.
 */
@Component
public class CaseLineProcesses {

    private final RuntimeService runtime;

    CaseLineProcesses(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public void start(LineStart start) {
        runtime.startProcessInstanceByKey(CaseLineBpmn.PROCESS_KEY, start.caseNumber(), CaseLineVariables.start(start));
    }

    /** Ends the line's process and what it called (spare dispatch, repair); their listeners do not run. */
    public void cancel(String caseNumber, int line, String reason) {
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionKey(CaseLineBpmn.PROCESS_KEY)
                .processInstanceBusinessKey(caseNumber).variableValueEquals(CaseLineBpmn.LINE, line).list()) {
            runtime.deleteProcessInstance(instance.getId(), reason, true, true);
        }
    }

    /** Every line of the case is done: the case, when it waits for its lines, goes on to its close. */
    public void finished(String caseNumber) {
        for (Execution waiting : runtime.createExecutionQuery().processDefinitionKey(RmaCaseBpmn.PROCESS_KEY)
                .processInstanceBusinessKey(caseNumber).messageEventSubscriptionName(RmaCaseBpmn.MESSAGE_LINES_FINISHED).list()) {
            runtime.createMessageCorrelation(RmaCaseBpmn.MESSAGE_LINES_FINISHED)
                    .processInstanceId(waiting.getProcessInstanceId()).correlate();
        }
    }
}
