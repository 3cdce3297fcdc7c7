package io.spareflow.rma;

import io.spareflow.common.ProcessVariables;

/**
 * The one definition of what code relies on in processes/spare-dispatch.bpmn (called by case-line): its key, tasks,
 * messages and variables. Checked against the model by {@code ProcessConstantsTest}.
 */
public final class SpareDispatchBpmn {

    public static final String PROCESS_KEY = "spare-dispatch";

    public static final String TASK_AWAIT_STOCK = "Task_AwaitStock";
    public static final String TASK_AWAIT_PICK = "Task_AwaitPick";
    public static final String TASK_AWAIT_PACK = "Task_AwaitPack";
    public static final String TASK_AWAIT_SHIPMENT = "Task_AwaitShipment";
    public static final String TASK_AWAIT_DELIVERY = "Task_AwaitDelivery";

    /** Sourcing reserved a spare for a backordered case. */
    public static final String MESSAGE_SPARE_RESERVED = "SpareReserved";
    public static final String MESSAGE_BOARD_PICKED = "BoardPicked";
    public static final String MESSAGE_BOARD_PACKED = "BoardPacked";
    public static final String MESSAGE_BOARD_SHIPPED = "BoardShipped";
    public static final String MESSAGE_BOARD_DELIVERED = "BoardDelivered";

    public static final String CASE_NUMBER = ProcessVariables.CASE_NUMBER;
    /** The case's line the spare is for, handed in by case-line (absent when 0.1.0's rma-case calls: line 1). */
    public static final String LINE = ProcessVariables.LINE;
    /** The serial of the reserved spare; the depot's scans correlate on it. */
    public static final String SPARE_SERIAL = "spareSerial";
    /** True while no board is in stock for the case. */
    public static final String BACKORDER = "backorder";
    public static final String SPARE_ON_SITE_DUE = CaseLineBpmn.SPARE_ON_SITE_DUE;

    private SpareDispatchBpmn() {
    }
}
