package io.spareflow.part.internal;

import io.spareflow.common.Gtin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes each part's GTIN-14 from the GS1 company prefix of the vendor ({@code spareflow.gs1.company-prefix}) and the
 * part's item reference. The default prefix 9524000 lies in GS1 prefix 952, which GS1 reserves for demonstrations and
 * examples: a real deployment sets the prefix its GS1 member organisation assigned.
 */
@Component
public class GtinAssignment {

    private final String companyPrefix;

    GtinAssignment(@Value("${spareflow.gs1.company-prefix}") String companyPrefix) {
        this.companyPrefix = companyPrefix;
        // Fails at start-up, not at the first label, if the prefix is malformed.
        Gtin.of(companyPrefix, 0);
    }

    String gtin(long itemReference) {
        return Gtin.of(companyPrefix, itemReference);
    }
}
