package io.spareflow.rma.internal;

import io.spareflow.common.ConflictException;
import io.spareflow.common.Message;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.rma.CaseMilestone;
import io.spareflow.rma.EscalationLevel;
import io.spareflow.rma.LineState;
import io.spareflow.rma.SlaStep;
import io.spareflow.rma.TimelineKind;
import io.spareflow.sourcing.ReservationLost;
import io.spareflow.sourcing.ReservationOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The way of a line's spare to the site: sourced (or backordered), sourced again when lost, swapped, picked, packed,
 * shipped and delivered — each with its timeline entry, clocks and the events for the customer's e-mails.
 */
@Service
@Transactional
public class SpareTransitions {

    private final CaseLookup lookup;
    private final CaseTexts texts;
    private final CaseAlerts alerts;
    private final Customers customers;
    private final Clock clock;

    SpareTransitions(CaseLookup lookup, CaseTexts texts, CaseAlerts alerts, Customers customers, Clock clock) {
        this.lookup = lookup;
        this.texts = texts;
        this.alerts = alerts;
        this.customers = customers;
        this.clock = clock;
    }

    public void spareSourced(ReservationOutcome outcome) {
        CaseEntity entity = lookup.lock(outcome.caseNumber());
        CaseLineEntity line = entity.line(outcome.line());
        Instant now = clock.instant();
        if (outcome.backorder()) {
            line.backordered();
            Message reason = Message.of("escalation.backorder", outcome.partNumber());
            entity.record(now, TimelineKind.BACKORDER, "system", texts.onLine(entity, line, reason));
            alerts.escalate(entity, SlaStep.BACKORDER, EscalationLevel.REMINDER, reason, now);
        } else {
            line.spareReserved(outcome.serial(), outcome.depotCode(), outcome.distanceKm(), outcome.expectedOnSite());
            entity.record(now, TimelineKind.SPARE_RESERVED, "system", texts.onLine(entity, line, texts.text(
                    outcome.predictedBreach() ? "case.timeline.spare-reserved-late" : "case.timeline.spare-reserved",
                    outcome.serial(), outcome.depotCode(), String.format(Locale.ROOT, "%.0f", outcome.distanceKm()),
                    outcome.expectedOnSite())));
        }
        entity.followLines();
    }

    /**
     * A line's reserved spare was lost and the line sourced again ({@code next}: another board, or a backorder):
     * recorded with the cause, and the first owner and their supervisor are told.
     */
    public void spareResourced(ReservationLost lost, ReservationOutcome next) {
        CaseEntity entity = lookup.lock(lost.caseNumber());
        CaseLineEntity line = entity.line(lost.line());
        Instant now = clock.instant();
        Message why = Message.of("escalation.spareLost", Message.of("case.spare-lost.cause." + lost.cause().name()), lost.reason());
        Message reason;
        if (next.backorder()) {
            line.backordered();
            reason = Message.of("case.timeline.spare-resourced-backorder", lost.serial(), lost.depotCode(), why, next.partNumber());
        } else {
            line.spareReserved(next.serial(), next.depotCode(), next.distanceKm(), next.expectedOnSite());
            reason = Message.of("case.timeline.spare-resourced", lost.serial(), lost.depotCode(), why, next.serial(),
                    next.depotCode(), next.expectedOnSite());
        }
        entity.followLines();
        entity.record(now, TimelineKind.SPARE_RESOURCED, "system", texts.onLine(entity, line, reason));
        alerts.escalate(entity, SlaStep.SPARE_ON_SITE, EscalationLevel.REMINDER, reason, now);
    }

    public void spareSwapped(String caseNumber, int lineNo, String serial, String depotCode, String username) {
        CaseEntity entity = lookup.lock(caseNumber);
        CaseLineEntity line = entity.line(lineNo);
        line.spareSwapped(serial);
        entity.record(clock.instant(), TimelineKind.SPARE_SWAPPED, username,
                texts.onLine(entity, line, texts.text("case.timeline.spare-swapped", depotCode, serial)));
    }

    public void sparePicked(String caseNumber, int lineNo, String serial, String username) {
        CaseEntity entity = lookup.lock(caseNumber);
        entity.record(clock.instant(), TimelineKind.SPARE_PICKED, username,
                texts.onLine(entity, entity.line(lineNo), texts.text("case.timeline.spare-picked", serial)));
    }

    public void sparePacked(String caseNumber, int lineNo, String serial, String username) {
        CaseEntity entity = lookup.lock(caseNumber);
        entity.record(clock.instant(), TimelineKind.SPARE_PACKED, username,
                texts.onLine(entity, entity.line(lineNo), texts.text("case.timeline.spare-packed", serial)));
    }

    public void spareShipped(String caseNumber, int lineNo, String serial, String trackingNumber, String username) {
        CaseEntity entity = lookup.lock(caseNumber);
        CaseLineEntity line = entity.line(lineNo);
        Instant now = clock.instant();
        line.shipped(trackingNumber);
        entity.record(now, TimelineKind.SPARE_SHIPPED, username, texts.onLine(entity, line,
                trackingNumber == null ? texts.text("case.timeline.spare-shipped", serial)
                        : texts.text("case.timeline.spare-shipped-tracked", serial, trackingNumber)));
        alerts.milestone(entity, CaseMilestone.SPARE_DISPATCHED, now);
    }

    /**
     * A spare on its way back after its case was cancelled may not be delivered to a site: the delivery scan is
     * refused (409, rolled back), the board stays on its way and the cancelled case keeps waiting for it at its depot.
     */
    @Transactional(readOnly = true)
    public void refuseDeliveryOfReturningSpare(String serial) {
        lookup.findReturningSpare(serial).ifPresent(entity -> {
            throw new ConflictException(Message.of("case.delivery.cancelled-returning", serial, entity.number(),
                    entity.returnDepotOf(serial).orElse("?")));
        });
    }

    /**
     * A line's spare arrived on site; the case's spare-on-site clock is met when every line's spare is. A delivery to
     * another site than the case's is refused (the scan is rolled back).
     */
    public void spareDelivered(String caseNumber, int lineNo, String serial, Long siteId, String username) {
        CaseEntity entity = lookup.lock(caseNumber);
        if (siteId == null || siteId != entity.siteId()) {
            SiteInfo site = customers.requireSite(entity.siteId());
            throw new ConflictException(Message.of("case.delivery.wrong-site", serial, caseNumber, site.name(),
                    String.valueOf(site.id()), String.valueOf(siteId)));
        }
        Instant now = clock.instant();
        CaseLineEntity line = entity.line(lineNo);
        line.delivered(now);
        if (entity.lines().stream().filter(l -> l.state() != LineState.CANCELLED && l.spareSerial() != null)
                .allMatch(CaseLineEntity::spareDelivered)) {
            entity.meetClock(SlaStep.SPARE_ON_SITE, now);
        }
        entity.record(now, TimelineKind.SPARE_DELIVERED, username, texts.onLine(entity, line, texts.text("case.timeline.spare-delivered", serial)));
        alerts.milestone(entity, CaseMilestone.DELIVERED, now);
    }
}
