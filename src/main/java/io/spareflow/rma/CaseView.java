package io.spareflow.rma;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.spareflow.repair.RepairView;
import java.time.Instant;
import java.util.List;

/**
 * An RMA case with everything people see of it: first owner, SLA clocks and breaches, the spare sent, the repair of
 * the defective board and the timeline. The tracking token is left out (null, and absent from JSON) for readers who do
 * not speak with customers.
 */
public record CaseView(String number, @JsonInclude(JsonInclude.Include.NON_NULL) String trackingToken,
                       String customerCode, long siteId, String faultySerial, String partNumber, String symptom, CaseChannel channel, CaseState state, String tier,
                       String responsibleLocation, String reportedBy, Owner firstOwner, Instant firstOwnerSince,
                       Instant createdAt, Instant closedAt, DiagnosisOutcome diagnosisOutcome, Spare spare, boolean chargeFlag,
                       String wrongBoardReturned, String resolution, RepairView repair, List<TimelineEntry> timeline,
                       List<SlaClock> slaClocks, List<Breach> breaches,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Cancellation cancellation) {

    /** The same case without its tracking token (the customer's key), for staff who do not speak with customers. */
    public CaseView withoutTrackingToken() {
        return new CaseView(number, null, customerCode, siteId, faultySerial, partNumber, symptom, channel, state, tier,
                responsibleLocation, reportedBy, firstOwner, firstOwnerSince, createdAt, closedAt, diagnosisOutcome, spare,
                chargeFlag, wrongBoardReturned, resolution, repair, timeline, slaClocks, breaches, cancellation);
    }

    /** The first owner, accountable until the case closes. */
    public record Owner(String username, String displayName, String email) {
    }

    /** The spare sent in advance exchange: which board from where, its expected arrival and tracking number. */
    public record Spare(String serial, String depotCode, Double distanceKm, Instant expectedOnSite,
                        String trackingNumber, boolean backordered) {
    }

    /**
     * Who cancelled the case, when and why; {@code returningSpare} is the spare that was on its way, until it is back
     * in stock at its depot.
     */
    public record Cancellation(Instant at, String by, String reason, String returningSpare) {
    }

    public record TimelineEntry(Instant at, TimelineKind kind, String actor, String text) {
    }

    /** One step's time limit: due when, met when, breached or not. */
    public record SlaClock(SlaStep step, Instant startedAt, Instant dueAt, Instant metAt, boolean breached) {
    }

    /** A missed limit: step, the limit, when it was actually met (null while still open) and who owned the case. */
    public record Breach(SlaStep step, Instant limitAt, Instant detectedAt, Instant actualAt, String owner) {
    }
}
