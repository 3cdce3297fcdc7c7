package io.spareflow.notify;

import io.spareflow.rma.CaseView;
import io.spareflow.rma.TimelineKind;
import org.springframework.context.MessageSource;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The case timeline as the customer sees it (tracking page, customer portal): only the steps that concern them, in
 * the service's words, never the internal text (which names depots, staff and escalations).
 */
public final class CustomerTimeline {

    /**
     * One step the customer may see: its timeline kind and the facts its text names (the first owner's name on
     * ACCEPTED, the tracking number on SPARE_SHIPPED; otherwise null), worded by {@link #text} in the reader's language.
     */
    public record Step(Instant at, TimelineKind kind, String firstOwner, String trackingNumber) {
    }

    /** A step as its reader reads it. */
    public record WordedStep(Instant at, String text) {
    }

    private static final Set<TimelineKind> CUSTOMER_STEPS = Collections.unmodifiableSet(EnumSet.of(
            TimelineKind.REPORTED, TimelineKind.ACCEPTED, TimelineKind.DIAGNOSED, TimelineKind.SITE_VISITED,
            TimelineKind.BACKORDER, TimelineKind.SPARE_RESERVED, TimelineKind.SPARE_SHIPPED, TimelineKind.SPARE_DELIVERED,
            TimelineKind.RETURN_EXPECTED, TimelineKind.RETURN_REMINDER, TimelineKind.RETURN_OVERDUE,
            TimelineKind.CHARGE_FLAGGED, TimelineKind.DEFECTIVE_RECEIVED, TimelineKind.REPAIR_FINISHED,
            TimelineKind.REPLACEMENT_NEEDED, TimelineKind.BOARD_REPLACED, TimelineKind.CLOSED, TimelineKind.CANCELLED));

    private CustomerTimeline() {
    }

    /** The timeline kinds a customer may see; every other kind is internal. */
    public static Set<TimelineKind> customerKinds() {
        return CUSTOMER_STEPS;
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
                .filter(entry -> CUSTOMER_STEPS.contains(entry.kind()))
                .map(entry -> new Step(entry.at(), entry.kind(),
                        entry.kind() == TimelineKind.ACCEPTED && c.firstOwner() != null ? c.firstOwner().displayName() : null,
                        entry.kind() == TimelineKind.SPARE_SHIPPED && c.spare() != null ? c.spare().trackingNumber() : null))
                .toList();
    }

    /** The customer's steps of the case in {@code locale}. */
    public static List<WordedStep> worded(CaseView c, MessageSource messages, Locale locale) {
        return of(c).stream().map(step -> new WordedStep(step.at(), text(step, messages, locale))).toList();
    }
}
