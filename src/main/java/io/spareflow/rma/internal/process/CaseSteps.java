package io.spareflow.rma.internal.process;

import io.spareflow.rma.internal.CaseLookup;
import io.spareflow.rma.internal.CaseTransitions;
import io.spareflow.rma.internal.LineTransitions;
import io.spareflow.rma.internal.LineStart;
import io.spareflow.rma.internal.UncertifiedRepairEscalation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listeners and service tasks of the rma-case and case-line processes, delegating to {@link CaseTransitions}
 * and {@link LineTransitions}. The
 * board steps (return clock, early return, repair finished) serve case-line and the one-board rma-case of 0.1.0 alike.
 */
@Component("caseSteps")
public class CaseSteps {

    private final CaseTransitions cases;
    private final LineTransitions lineTransitions;
    private final CaseLookup lookup;
    private final CaseLineProcesses lines;
    private final UncertifiedRepairEscalation uncertifiedRepair;

    CaseSteps(CaseTransitions cases, LineTransitions lineTransitions, CaseLookup lookup, CaseLineProcesses lines,
              UncertifiedRepairEscalation uncertifiedRepair) {
        this.cases = cases;
        this.lineTransitions = lineTransitions;
        this.lookup = lookup;
        this.lines = lines;
        this.uncertifiedRepair = uncertifiedRepair;
    }

    /** Whoever takes the Accept task first becomes the first owner. */
    public void accepting(DelegateTask task) {
        if (task.getAssignee() != null) {
            cases.claimedForAcceptance(new RmaCaseVariables(task).caseNumber(), task.getAssignee());
        }
    }

    public void accepted(DelegateTask task) {
        RmaCaseVariables variables = new RmaCaseVariables(task);
        String caseNumber = variables.caseNumber();
        variables.diagnosisLimit(cases.accepted(caseNumber, actor(task)));
        variables.firstOwner(lookup.require(caseNumber).firstOwner());
    }

    public void diagnosed(DelegateTask task) {
        RmaCaseVariables variables = new RmaCaseVariables(task);
        cases.diagnosed(variables.caseNumber(), variables.diagnosisOutcome(), variables.note(),
                variables.faultySerials(), actor(task));
    }

    public void siteVisited(DelegateTask task) {
        RmaCaseVariables variables = new RmaCaseVariables(task);
        cases.siteVisited(variables.caseNumber(), variables.diagnosisOutcome(), variables.note(),
                variables.faultySerials(), actor(task));
    }

    /** A spare is needed: every named line starts its own case-line process. */
    public void startLines(DelegateExecution execution) {
        for (LineStart start : lineTransitions.startLines(new RmaCaseVariables(execution).caseNumber())) {
            lines.start(start);
        }
    }

    public void startReturnClock(DelegateExecution execution) {
        CaseLineVariables variables = new CaseLineVariables(execution);
        variables.returnLimits(lineTransitions.returnExpected(variables.caseNumber(), variables.line()));
        uncertifiedRepair.returnExpected(variables.caseNumber(), variables.line());
        variables.defectiveReceivedAt(lookup.defectiveReceivedAt(variables.caseNumber(), variables.line()).orElse(null));
    }

    /** The faulty board was scanned in before the line waited for it: its return counts now, the repair starts. */
    public void receivedBeforeAwaited(DelegateExecution execution) {
        CaseLineVariables variables = new CaseLineVariables(execution);
        execution.setVariables(CaseLineVariables.repairLimit(lineTransitions.defectiveReceived(variables.caseNumber(),
                variables.line(), variables.defectiveReceivedAt(), "system")));
    }

    /** The line's board is repaired (or scrapped, or found without fault); the last line done lets the case close. */
    public void repairFinished(DelegateExecution execution) {
        CaseLineVariables variables = new CaseLineVariables(execution);
        if (lineTransitions.repairFinished(variables.caseNumber(), variables.line())) {
            lines.finished(variables.caseNumber());
        }
    }

    /**
     * After the line's repair (case-line): a board beyond repair in a repair-and-return case waits for its replacement
     * spare; any other line is finished as {@link #repairFinished} does.
     */
    public void lineRepaired(DelegateExecution execution) {
        CaseLineVariables variables = new CaseLineVariables(execution);
        boolean replace = lineTransitions.replacementNeeded(variables.caseNumber(), variables.line());
        variables.replacementNeeded(replace);
        if (!replace) {
            repairFinished(execution);
        }
    }

    /** The replacement of a board beyond repair is on site: the line is done, the last one lets the case close. */
    public void replacementDelivered(DelegateExecution execution) {
        CaseLineVariables variables = new CaseLineVariables(execution);
        if (lineTransitions.replacementDelivered(variables.caseNumber(), variables.line())) {
            lines.finished(variables.caseNumber());
        }
    }

    public void closed(DelegateTask task) {
        RmaCaseVariables variables = new RmaCaseVariables(task);
        cases.close(variables.caseNumber(), variables.resolution(), actor(task));
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
