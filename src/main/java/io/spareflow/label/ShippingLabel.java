package io.spareflow.label;

/**
 * What a shipping label shows: from and to (location codes), the carrier's tracking number (Code 128), the tracking
 * link (QR) and the case the shipment belongs to.
 */
public record ShippingLabel(String fromLocation, String toLocation, String trackingNumber, String trackingUrl,
                            String caseNumber) {
}
