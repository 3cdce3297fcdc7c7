package io.spareflow.notify;

import io.spareflow.rma.CaseView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The case timeline as the customer sees it (tracking page, customer portal): only the steps that concern them, in
 * the service's words, never the internal text (which names depots, staff and escalations).
 */
public final class CustomerTimeline {

    /**
     * One step the customer may see: its timeline kind (e.g. {@code SPARE_SHIPPED}), the English text, and the facts
     * the text names (the first owner's name on ACCEPTED, the tracking number on SPARE_SHIPPED; otherwise null), so a
     * page in another language can say the same.
     */
    public record Step(Instant at, String kind, String text, String firstOwner, String trackingNumber) {
    }

    private static final Map<String, String> CUSTOMER_STEPS = Map.ofEntries(
            Map.entry("REPORTED", "Fault reported"),
            Map.entry("ACCEPTED", "Accepted by your first owner"),
            Map.entry("DIAGNOSED", "Remote diagnosis finished"),
            Map.entry("SITE_VISITED", "Engineer visited the site"),
            Map.entry("BACKORDER", "Waiting for a spare board to come into stock"),
            Map.entry("SPARE_RESERVED", "Spare board reserved"),
            Map.entry("SPARE_SHIPPED", "Spare board shipped"),
            Map.entry("SPARE_DELIVERED", "Spare board delivered on site"),
            Map.entry("RETURN_EXPECTED", "Defective board expected back"),
            Map.entry("RETURN_REMINDER", "Reminder: defective board due back"),
            Map.entry("RETURN_OVERDUE", "Defective board overdue"),
            Map.entry("CHARGE_FLAGGED", "Replacement charged: defective board not returned in time"),
            Map.entry("DEFECTIVE_RECEIVED", "Defective board received"),
            Map.entry("REPAIR_FINISHED", "Repair finished"),
            Map.entry("CLOSED", "Case closed"));

    private CustomerTimeline() {
    }

    /** The timeline kinds a customer may see; every other kind is internal. */
    public static Set<String> customerKinds() {
        return CUSTOMER_STEPS.keySet();
    }

    public static List<Step> of(CaseView c) {
        return c.timeline().stream()
                .map(entry -> {
                    String text = CUSTOMER_STEPS.get(entry.kind());
                    if (text == null) {
                        return null;
                    }
                    String owner = null;
                    String tracking = null;
                    if (entry.kind().equals("ACCEPTED") && c.firstOwner() != null) {
                        owner = c.firstOwner().displayName();
                        text = "Accepted by " + owner + ", your first owner";
                    }
                    if (entry.kind().equals("SPARE_SHIPPED") && c.spare() != null && c.spare().trackingNumber() != null) {
                        tracking = c.spare().trackingNumber();
                        text += " (tracking number " + tracking + ")";
                    }
                    return new Step(entry.at(), entry.kind(), text, owner, tracking);
                })
                .filter(Objects::nonNull)
                .toList();
    }
}
