package io.spareflow.rma;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A fault report: which board of which customer site fails, how, and through which channel it came in. */
public record CaseReport(
        @NotBlank @Size(max = 20) String customerCode,
        @NotNull Long siteId,
        @NotBlank @Size(max = 40) String faultySerial,
        @NotBlank @Size(max = 2000) String symptom,
        @NotNull CaseChannel channel) {
}
