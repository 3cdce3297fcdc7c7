package io.spareflow.notify.internal;

import io.spareflow.rma.TimelineKind;
import io.spareflow.rma.CaseView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The case timeline as the customer sees it: only the steps that concern them, in the service's words, never the
 * internal text (which names depots, staff and escalations).
 */
final class CustomerTimeline {

    record Step(Instant at, String text) {
    }

    private static final Map<TimelineKind, String> CUSTOMER_STEPS = Map.ofEntries(
            Map.entry(TimelineKind.REPORTED, "Fault reported"),
            Map.entry(TimelineKind.ACCEPTED, "Accepted by your first owner"),
            Map.entry(TimelineKind.DIAGNOSED, "Remote diagnosis finished"),
            Map.entry(TimelineKind.SITE_VISITED, "Engineer visited the site"),
            Map.entry(TimelineKind.BACKORDER, "Waiting for a spare board to come into stock"),
            Map.entry(TimelineKind.SPARE_RESERVED, "Spare board reserved"),
            Map.entry(TimelineKind.SPARE_SHIPPED, "Spare board shipped"),
            Map.entry(TimelineKind.SPARE_DELIVERED, "Spare board delivered on site"),
            Map.entry(TimelineKind.RETURN_EXPECTED, "Defective board expected back"),
            Map.entry(TimelineKind.RETURN_REMINDER, "Reminder: defective board due back"),
            Map.entry(TimelineKind.RETURN_OVERDUE, "Defective board overdue"),
            Map.entry(TimelineKind.CHARGE_FLAGGED, "Replacement charged: defective board not returned in time"),
            Map.entry(TimelineKind.DEFECTIVE_RECEIVED, "Defective board received"),
            Map.entry(TimelineKind.REPAIR_FINISHED, "Repair finished"),
            Map.entry(TimelineKind.CLOSED, "Case closed"));

    private CustomerTimeline() {
    }

    static List<Step> of(CaseView c) {
        return c.timeline().stream()
                .map(entry -> {
                    String text = CUSTOMER_STEPS.get(entry.kind());
                    if (text == null) {
                        return null;
                    }
                    if (entry.kind() == TimelineKind.ACCEPTED && c.firstOwner() != null) {
                        text = "Accepted by " + c.firstOwner().displayName() + ", your first owner";
                    }
                    if (entry.kind() == TimelineKind.SPARE_SHIPPED && c.spare() != null && c.spare().trackingNumber() != null) {
                        text += " (tracking number " + c.spare().trackingNumber() + ")";
                    }
                    return new Step(entry.at(), text);
                })
                .filter(Objects::nonNull)
                .toList();
    }
}
