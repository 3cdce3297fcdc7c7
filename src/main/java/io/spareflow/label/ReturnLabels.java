package io.spareflow.label;

import io.spareflow.common.CaseNumber;
import java.util.Optional;

/**
 * The return label of a case, for the defective board the customer sends back: ship-to the repair center that takes
 * it, from the customer's site, the case number and the expected serial, with their barcodes. The label feature
 * implements it; mail (attachment of the spare-dispatched and the return-requested mail), the tracking page and the
 * customer portal (downloads) ask it. Without an implementation, those offer no return label.
 */
public interface ReturnLabels {

    /**
     * The case's return label as a PDF, or empty when the case has none (no defective board expected back, or no case
     * of that number).
     */
    Optional<byte[]> pdf(CaseNumber caseNumber);
}
