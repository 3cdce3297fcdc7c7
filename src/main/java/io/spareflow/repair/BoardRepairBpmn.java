package io.spareflow.repair;

import io.spareflow.common.ProcessVariables;

/**
 * The one definition of what code relies on in processes/board-repair.bpmn: its key, tasks, messages, variables and
 * (as enums) form values. Checked against the model by {@code ProcessConstantsTest}.
 */
public final class BoardRepairBpmn {

    public static final String PROCESS_KEY = "board-repair";

    public static final String TASK_AWAIT_INTAKE = "Task_AwaitIntake";
    public static final String TASK_DIAGNOSE_BOARD = "Task_DiagnoseBoard";
    public static final String TASK_REPAIR_BOARD = "Task_RepairBoard";
    public static final String TASK_TEST_BOARD = "Task_TestBoard";
    public static final String TASK_AWAIT_PUTAWAY = "Task_AwaitPutaway";
    public static final String TASK_AWAIT_RETURN_DELIVERY = "Task_AwaitReturnDelivery";

    public static final String MESSAGE_REPAIR_INTAKE = "RepairIntake";
    public static final String MESSAGE_BOARD_PUT_AWAY = "BoardPutAway";
    public static final String MESSAGE_REPAIRED_BOARD_DELIVERED = "RepairedBoardDelivered";

    public static final String CASE_NUMBER = ProcessVariables.CASE_NUMBER;
    /** The serial of the board under repair; scans correlate on it. */
    public static final String REPAIR_SERIAL = "repairSerial";
    /** True when the repaired board goes back to the customer, false when it goes to stock. */
    public static final String REPAIR_AND_RETURN = "repairAndReturn";
    /** Decides the candidate group of the diagnosis: technicians certified for this product line. */
    public static final String PRODUCT_LINE = "productLine";
    /** The repair center, set by the intake scan (or, when it came early, by the check before the intake wait). */
    public static final String ACT_AT = ProcessVariables.ACT_AT;
    public static final String TECHNICIAN = "technician";
    /** Form field; its values are {@link RepairDiagnosis}. */
    public static final String DIAGNOSIS = "diagnosis";
    public static final String FINDING = "finding";
    public static final String ACTIONS = "actions";
    /** Form field; its values are {@link TestResult}. */
    public static final String TEST_RESULT = "testResult";
    public static final String RETURN_DEPOT = "returnDepot";
    /** The repaired board is already AVAILABLE in stock (or INSTALLED at the customer's): its scan came before the wait. */
    public static final String BOARD_ARRIVED = "boardArrived";

    private BoardRepairBpmn() {
    }
}
