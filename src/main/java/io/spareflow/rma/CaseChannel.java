package io.spareflow.rma;

/** How the fault was reported. */
public enum CaseChannel {
    HOTLINE,
    EMAIL,
    WEB,
    API
}
