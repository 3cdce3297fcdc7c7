package io.spareflow.rma;

/** How the fault was reported. */
public enum CaseChannel {
    HOTLINE,
    /** A faxed report (传真), recorded by an agent. */
    FAX,
    EMAIL,
    WEB,
    API
}
