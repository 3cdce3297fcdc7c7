package io.spareflow.rma;

import io.spareflow.common.ProcessVariables;

/**
 * The one definition of what code relies on in processes/rma-case.bpmn: its key, task and message names, variables
 * and (as enums) form values. {@code ProcessConstantsTest} checks each against the model, and that the model holds
 * no task, message or variable the code names another way. The work on each faulty board runs in a line process of
 * its own ({@link CaseLineBpmn}).
 */
public final class RmaCaseBpmn {

    public static final String PROCESS_KEY = "rma-case";

    public static final String TASK_ACCEPT_CASE = "Task_AcceptCase";
    public static final String TASK_REMOTE_DIAGNOSIS = "Task_RemoteDiagnosis";
    public static final String TASK_VISIT_SITE = "Task_VisitSite";
    /** The case waits here while its lines (case-line processes) run. */
    public static final String TASK_AWAIT_LINES = "Task_AwaitLines";
    public static final String TASK_CLOSE_CASE = "Task_CloseCase";
    /**
     * Beside the remote diagnosis when the first owner holds no valid L1 certification for the case's product lines:
     * a certified colleague ({@link #CONSULTANT}) advises ({@link #CONSULT_ADVICE}); the diagnosis completes after.
     */
    public static final String TASK_CONSULT_DIAGNOSIS = "Task_ConsultDiagnosis";

    /** Every line of the case is finished or cancelled. */
    public static final String MESSAGE_LINES_FINISHED = "LinesFinished";
    /** In the event sub-process of a cancelled case: each spare that was on its way comes back to its depot. */
    public static final String TASK_AWAIT_SPARE_RETURN = "Task_AwaitSpareReturn";
    /** The case was cancelled: starts the interrupting event sub-process, which ends every other step. */
    public static final String MESSAGE_CASE_CANCELLED = "CaseCancelled";
    /** A spare that was on its way to a cancelled case is back in stock (a PUTAWAY scan at its depot). */
    public static final String MESSAGE_SPARE_RETURNED = "SpareReturned";

    public static final String CASE_NUMBER = ProcessVariables.CASE_NUMBER;
    /** Assignee of the tasks after acceptance. */
    public static final String FIRST_OWNER = "firstOwner";
    /** Form field; its values are {@link DiagnosisOutcome}. */
    public static final String DIAGNOSIS_OUTCOME = "diagnosisOutcome";
    /** Form field: the serials of the faulty boards the diagnosis or the visit found, separated by commas or spaces. */
    public static final String FAULTY_SERIALS = "faultySerials";
    public static final String NOTE = "note";
    public static final String RESOLUTION = "resolution";
    /** Assignee of the consult: the certified colleague asked. */
    public static final String CONSULTANT = "consultant";
    /** Form field of the consult: the advice, given back to the first owner with the remote diagnosis. */
    public static final String CONSULT_ADVICE = "consultAdvice";
    /** The spares a cancelled case waits to see back in stock (empty when none was on its way). */
    public static final String RETURNING_SPARES = "returningSpares";
    public static final String ACCEPT_DUE = "acceptDue";
    public static final String ACCEPT_ESCALATE_AT = "acceptEscalateAt";
    public static final String DIAGNOSIS_DUE = "diagnosisDue";
    public static final String DIAGNOSIS_ESCALATE_AT = "diagnosisEscalateAt";

    private RmaCaseBpmn() {
    }
}
