package io.spareflow.notify;

import io.spareflow.rma.CaseView;
import io.spareflow.rma.TimelineKind;
import org.springframework.context.MessageSource;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The case timeline as the customer sees it (tracking page, customer portal): only the steps that concern them, in
 * the service's words, never the internal text (which names depots, staff and escalations).
 */
public final class CustomerTimeline {

    /**
     * One step the customer may see: its timeline kind, the English text, and the facts the text names (the first
     * owner's name on ACCEPTED, the tracking number on SPARE_SHIPPED; otherwise null), so a page in another language
     * can say the same.
     */
    public record Step(Instant at, TimelineKind kind, String text, String firstOwner, String trackingNumber) {
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
            Map.entry(TimelineKind.REPLACEMENT_NEEDED, "Board beyond repair: a replacement board is being sent"),
            Map.entry(TimelineKind.BOARD_REPLACED, "Replacement board delivered on site"),
            Map.entry(TimelineKind.CLOSED, "Case closed"),
            Map.entry(TimelineKind.CANCELLED, "Case cancelled"));

    private CustomerTimeline() {
    }

    /** The timeline kinds a customer may see; every other kind is internal. */
    public static Set<TimelineKind> customerKinds() {
        return CUSTOMER_STEPS.keySet();
    }

    /** The step in {@code locale}, from the portal's bundle ({@code portal.timeline.*}), naming the same facts. */
    public static String text(Step step, MessageSource messages, Locale locale) {
        String text = step.firstOwner() != null
                ? messages.getMessage("portal.timeline.ACCEPTED.by", new Object[] {step.firstOwner()}, locale)
                : messages.getMessage("portal.timeline." + step.kind(), null, locale);
        return step.trackingNumber() == null ? text
                : text + " " + messages.getMessage("portal.timeline.trackingNumber", new Object[] {step.trackingNumber()}, locale);
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
                    if (entry.kind() == TimelineKind.ACCEPTED && c.firstOwner() != null) {
                        owner = c.firstOwner().displayName();
                        text = "Accepted by " + owner + ", your first owner";
                    }
                    if (entry.kind() == TimelineKind.SPARE_SHIPPED && c.spare() != null && c.spare().trackingNumber() != null) {
                        tracking = c.spare().trackingNumber();
                        text += " (tracking number " + tracking + ")";
                    }
                    return new Step(entry.at(), entry.kind(), text, owner, tracking);
                })
                .filter(Objects::nonNull)
                .toList();
    }
}
