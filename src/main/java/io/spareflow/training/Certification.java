package io.spareflow.training;

import io.spareflow.part.ProductLine;
import java.time.LocalDate;

/**
 * One certification of a person: product line and level, who issued it, and the days it is valid (both included,
 * as dates of the service's clock in UTC). {@code valid} tells whether it holds today.
 */
public record Certification(long id, String username, ProductLine productLine, CertificationLevel level, String issuedBy,
                            LocalDate validFrom, LocalDate validUntil, boolean valid) {
}
