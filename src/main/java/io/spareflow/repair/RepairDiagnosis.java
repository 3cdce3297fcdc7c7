package io.spareflow.repair;

/** What the technician's diagnosis of a returned board found: the values of the board-repair {@code diagnosis} field. */
public enum RepairDiagnosis {
    FAULT_CONFIRMED,
    NO_FAULT_FOUND,
    BEYOND_REPAIR
}
