package io.spareflow.rma;

import io.spareflow.common.ProcessVariables;

/**
 * The one definition of what code relies on in processes/case-line.bpmn: one faulty board of a case, from its spare
 * (advance exchange) to its defective return and repair. The case starts one instance per line (business key: the
 * case number) and waits until every line is finished or cancelled. Checked against the model by
 * {@code ProcessConstantsTest}.
 */
public final class CaseLineBpmn {

    public static final String PROCESS_KEY = "case-line";

    public static final String TASK_AWAIT_DEFECTIVE_RETURN = "Task_AwaitDefectiveReturn";
    public static final String CALL_SPARE_DISPATCH = "CallActivity_SpareDispatch";
    public static final String CALL_BOARD_REPAIR = "CallActivity_BoardRepair";
    /** Repair and return, board beyond repair: a replacement spare is dispatched (spare-dispatch again). */
    public static final String CALL_REPLACEMENT_DISPATCH = "CallActivity_ReplacementDispatch";

    /** A defective board was received back (a DEFECTIVE_RECEIVE scan). */
    public static final String MESSAGE_DEFECTIVE_RECEIVED = "DefectiveReceived";

    public static final String CASE_NUMBER = ProcessVariables.CASE_NUMBER;
    /** The line's number within its case (1, 2, …); absent in processes of 0.1.0, whose one board is line 1. */
    public static final String LINE = ProcessVariables.LINE;
    /** The serial of the line's faulty board; scans of its return correlate on it. */
    public static final String FAULTY_SERIAL = "faultySerial";
    public static final String REPAIR_AND_RETURN = "repairAndReturn";
    /** Where the faulty board already waits as received, or null: the gateway after the return clock reads it. */
    public static final String DEFECTIVE_RECEIVED_AT = "defectiveReceivedAt";
    /** Set after the repair: true when the board is beyond repair and a replacement spare goes to the site. */
    public static final String REPLACEMENT_NEEDED = "replacementNeeded";
    public static final String SPARE_ON_SITE_DUE = "spareOnSiteDue";
    public static final String SPARE_ON_SITE_ESCALATE_AT = "spareOnSiteEscalateAt";
    public static final String REPAIR_DUE = "repairDue";
    public static final String REPAIR_ESCALATE_AT = "repairEscalateAt";
    public static final String RETURN_REMINDER_AT = "returnReminderAt";
    public static final String RETURN_DUE = "returnDue";
    public static final String RETURN_CHARGE_AT = "returnChargeAt";

    private CaseLineBpmn() {
    }
}
