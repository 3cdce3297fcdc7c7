package io.spareflow.repair;

/** How a repair order ends: the board is repaired, scrapped, or no fault was found (NFF). */
public enum RepairOutcome {
    REPAIRED,
    SCRAPPED,
    NFF
}
