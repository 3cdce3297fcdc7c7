package io.spareflow.rma;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A fault report: which customer site fails, how, and through which channel it came in; and the faulty board, when
 * the caller knows it (otherwise the diagnosis names it: {@code faultySerial} null or blank).
 */
public record CaseReport(
        @NotBlank @Size(max = 20) String customerCode,
        @NotNull Long siteId,
        @Size(max = 40) String faultySerial,
        @NotBlank @Size(max = 2000) String symptom,
        @NotNull CaseChannel channel) {

    /** The name of the board's field, for the answer to an invalid report. */
    public static final String FAULTY_SERIAL = "faultySerial";

    /** Whether the report names the faulty board. */
    public boolean boardNamed() {
        return faultySerial != null && !faultySerial.isBlank();
    }
}
