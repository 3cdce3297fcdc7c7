package io.spareflow.scan;

/** What a scan at a hand-off says happened to the board. */
public enum ScanAction {
    RECEIVE,
    PUTAWAY,
    PICK,
    PACK,
    SHIP,
    DELIVER,
    DEFECTIVE_RECEIVE,
    REPAIR_INTAKE,
    REPAIR_RESULT,
    SCRAP,
    QUARANTINE
}
