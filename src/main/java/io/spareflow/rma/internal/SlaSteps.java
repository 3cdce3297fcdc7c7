package io.spareflow.rma.internal;

/** The names of the steps that have a time limit (SLA clock) on a case. */
public final class SlaSteps {

    public static final String ACCEPT = "ACCEPT";
    public static final String REMOTE_DIAGNOSIS = "REMOTE_DIAGNOSIS";
    public static final String SPARE_ON_SITE = "SPARE_ON_SITE";
    public static final String DEFECTIVE_RETURN = "DEFECTIVE_RETURN";
    public static final String REPAIR_TURNAROUND = "REPAIR_TURNAROUND";

    private SlaSteps() {
    }
}
