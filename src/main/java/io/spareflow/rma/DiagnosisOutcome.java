package io.spareflow.rma;

/**
 * What the remote diagnosis or the site visit found: the values of the {@code diagnosisOutcome} form field of the
 * rma-case process, and what the case does next.
 */
public enum DiagnosisOutcome {
    RESOLVED_REMOTELY(CaseState.RESOLVED),
    RESOLVED_ON_SITE(CaseState.RESOLVED),
    ENGINEER_ON_SITE(CaseState.ON_SITE),
    SPARE_NEEDED(CaseState.SPARE_DISPATCH);

    private final CaseState next;

    DiagnosisOutcome(CaseState next) {
        this.next = next;
    }

    /** The state the case moves to after this outcome. */
    public CaseState next() {
        return next;
    }
}
