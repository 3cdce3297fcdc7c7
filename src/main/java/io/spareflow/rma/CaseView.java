package io.spareflow.rma;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.spareflow.repair.RepairView;
import java.time.Instant;
import java.util.List;

/**
 * An RMA case with everything people see of it: first owner, SLA clocks and breaches, its lines (one faulty board
 * each, with its spare, return, repair and clocks) and the timeline. {@code faultySerial}, {@code partNumber},
 * {@code spare}, {@code chargeFlag}, {@code wrongBoardReturned} and {@code repair} are those of the first line (null
 * while no board is known), for readers of one-board cases. The tracking token is left out (null, and absent from
 * JSON) for readers who do not speak with customers.
 */
public record CaseView(String number, @JsonInclude(JsonInclude.Include.NON_NULL) String trackingToken,
                       String customerCode, long siteId, String faultySerial, String partNumber, String symptom, CaseChannel channel, CaseState state, String tier,
                       String responsibleLocation, String reportedBy, Owner firstOwner, Instant firstOwnerSince,
                       Instant createdAt, Instant closedAt, DiagnosisOutcome diagnosisOutcome, Spare spare, boolean chargeFlag,
                       String wrongBoardReturned, String resolution, RepairView repair, List<TimelineEntry> timeline,
                       List<SlaClock> slaClocks, List<Breach> breaches, List<Line> lines,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Cancellation cancellation) {

    /** The same case without its tracking token (the customer's key), for staff who do not speak with customers. */
    public CaseView withoutTrackingToken() {
        return new CaseView(number, null, customerCode, siteId, faultySerial, partNumber, symptom, channel, state, tier,
                responsibleLocation, reportedBy, firstOwner, firstOwnerSince, createdAt, closedAt, diagnosisOutcome, spare,
                chargeFlag, wrongBoardReturned, resolution, repair, timeline, slaClocks, breaches, lines, cancellation);
    }

    /** The first owner, accountable until the case closes. */
    public record Owner(String username, String displayName, String email) {
    }

    /** The spare sent in advance exchange: which board from where, its expected arrival and tracking number. */
    public record Spare(String serial, String depotCode, Double distanceKm, Instant expectedOnSite,
                        String trackingNumber, boolean backordered) {
    }

    /**
     * One faulty board of the case. {@code registeredOnSite}: found at the site unregistered and registered when named;
     * {@code doaOfLine}: this board is the spare of that line, which arrived dead.
     */
    public record Line(int line, String serial, String partNumber, LineState state, boolean registeredOnSite,
                       Integer doaOfLine, Spare spare, Instant spareDeliveredAt, @JsonProperty("return") Return expectedBack,
                       RepairView repair, String cancelReason, Instant createdAt, Instant endedAt, List<SlaClock> clocks) {

        public boolean open() {
            return state.open();
        }
    }

    /** The faulty board's way back: due by, received when (null while out), a wrong board that came instead, charged. */
    public record Return(Instant dueAt, Instant receivedAt, String wrongBoardReturned, boolean chargeFlag) {
    }

    /**
     * Who cancelled the case, when and why; {@code returningSpares}: the spares of its lines that were on their way,
     * each until it is back in stock at its depot.
     */
    public record Cancellation(Instant at, String by, String reason, List<String> returningSpares) {
    }

    /**
     * One entry: {@code text} worded in the reader's language (times in their zone); {@code textKey} the message key
     * it is worded from, absent for entries written before keys were kept (their text is shown as stored).
     */
    public record TimelineEntry(Instant at, TimelineKind kind, String actor, String text,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String textKey) {
    }

    /** One step's time limit: due when, met when, breached or not. */
    public record SlaClock(SlaStep step, Instant startedAt, Instant dueAt, Instant metAt, boolean breached) {
    }

    /** A missed limit: step, the limit, when it was actually met (null while still open) and who owned the case. */
    public record Breach(SlaStep step, Instant limitAt, Instant detectedAt, Instant actualAt, String owner) {
    }
}
