package io.spareflow.rma;

import io.spareflow.common.ProcessVariables;

/**
 * The one definition of what code relies on in processes/rma-case.bpmn: its key, task and message names, variables
 * and (as enums) form values. {@code ProcessConstantsTest} checks each against the model, and that the model holds
 * no task, message or variable the code names another way.
 */
public final class RmaCaseBpmn {

    public static final String PROCESS_KEY = "rma-case";

    public static final String TASK_ACCEPT_CASE = "Task_AcceptCase";
    public static final String TASK_REMOTE_DIAGNOSIS = "Task_RemoteDiagnosis";
    public static final String TASK_VISIT_SITE = "Task_VisitSite";
    public static final String TASK_AWAIT_DEFECTIVE_RETURN = "Task_AwaitDefectiveReturn";
    public static final String TASK_CLOSE_CASE = "Task_CloseCase";
    /** In the event sub-process of a cancelled case: the spare that was on its way comes back to its depot. */
    public static final String TASK_AWAIT_SPARE_RETURN = "Task_AwaitSpareReturn";
    public static final String CALL_SPARE_DISPATCH = "CallActivity_SpareDispatch";
    public static final String CALL_BOARD_REPAIR = "CallActivity_BoardRepair";

    /** A defective board was received back (a DEFECTIVE_RECEIVE scan). */
    public static final String MESSAGE_DEFECTIVE_RECEIVED = "DefectiveReceived";
    /** The case was cancelled: starts the interrupting event sub-process, which ends every other step. */
    public static final String MESSAGE_CASE_CANCELLED = "CaseCancelled";
    /** The spare that was on its way to a cancelled case is back in stock (a PUTAWAY scan at its depot). */
    public static final String MESSAGE_SPARE_RETURNED = "SpareReturned";

    public static final String CASE_NUMBER = ProcessVariables.CASE_NUMBER;
    /** The serial of the board the customer reported; scans of its return correlate on it. */
    public static final String FAULTY_SERIAL = "faultySerial";
    public static final String REPAIR_AND_RETURN = "repairAndReturn";
    /** Assignee of the tasks after acceptance. */
    public static final String FIRST_OWNER = "firstOwner";
    /** Form field; its values are {@link DiagnosisOutcome}. */
    public static final String DIAGNOSIS_OUTCOME = "diagnosisOutcome";
    public static final String NOTE = "note";
    public static final String RESOLUTION = "resolution";
    /** Where the faulty board already waits as received, or null: the gateway after the return clock reads it. */
    /** The spare a cancelled case waits to see back in stock, or null when none was on its way. */
    public static final String RETURNING_SPARE = "returningSpare";
    public static final String DEFECTIVE_RECEIVED_AT = "defectiveReceivedAt";
    public static final String ACCEPT_DUE = "acceptDue";
    public static final String ACCEPT_ESCALATE_AT = "acceptEscalateAt";
    public static final String DIAGNOSIS_DUE = "diagnosisDue";
    public static final String DIAGNOSIS_ESCALATE_AT = "diagnosisEscalateAt";
    public static final String SPARE_ON_SITE_DUE = "spareOnSiteDue";
    public static final String SPARE_ON_SITE_ESCALATE_AT = "spareOnSiteEscalateAt";
    public static final String REPAIR_DUE = "repairDue";
    public static final String REPAIR_ESCALATE_AT = "repairEscalateAt";
    public static final String RETURN_REMINDER_AT = "returnReminderAt";
    public static final String RETURN_DUE = "returnDue";
    public static final String RETURN_CHARGE_AT = "returnChargeAt";

    private RmaCaseBpmn() {
    }
}
