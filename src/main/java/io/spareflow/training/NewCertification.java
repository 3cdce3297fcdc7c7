package io.spareflow.training;

import io.spareflow.part.ProductLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A certification to record: {@code issuedBy} names the trainer or training center that issued it. */
public record NewCertification(@NotNull ProductLine productLine, @NotNull CertificationLevel level,
                               @NotBlank @Size(max = 100) String issuedBy, @NotNull LocalDate validFrom,
                               @NotNull LocalDate validUntil) {
}
