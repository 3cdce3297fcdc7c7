package io.spareflow.label;

import java.util.Locale;

/**
 * The return label of a case, for the defective board the customer sends back: ship-to the repair center that takes
 * it, from the customer's site, the case number and the expected serial, with their barcodes. Mail (attachment of the
 * spare-dispatched and the return-requested mail), the tracking page and the customer portal (downloads) ask it.
 *
 * <p>The seam until the label feature's renderer lands: that feature provides the {@code ReturnLabels} service with
 * this same method; mail and downloads use whichever bean exists and offer no return label while there is none.
 */
public interface ReturnLabels {

    /**
     * The case's return label as a PDF page, its words in {@code locale}. Throws {@code NotFoundException} for an
     * unknown case and {@code ConflictException} when the case expects no board back (any more).
     */
    byte[] pdf(String caseNumber, Locale locale);
}
